package cn.nianbao.spec;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelTargetsTest {

    @Test
    void equalTargetsHashAlikeAndEveryRowHashesApart() {
        FormatSpec s = TestSupport.FORMATS.get("2021");
        TableDef t3 = s.table("t3");
        List<LabelTargets.Target> all = s.labelTargets().rows().stream().filter(t -> t.table() == t3).toList();
        List<LabelTargets.Target> alone = s.labelTargets(t3).rows();
        assertThat(alone).hasSameSizeAs(all).hasSize(25);
        for (int i = 0; i < all.size(); i++) {
            assertThat(alone.get(i)).isNotSameAs(all.get(i)).isEqualTo(all.get(i));
            assertThat(alone.get(i).hashCode()).isEqualTo(all.get(i).hashCode());
        }
        Set<Integer> hashes = new HashSet<>();
        s.labelTargets().rows().forEach(t -> hashes.add(t.hashCode()));
        assertThat(hashes).hasSize(s.labelTargets().rows().size());
    }

    @Test
    void hashingATargetDoesNotWalkItsTable() {
        // The label reader keys its per-row maps by target: hashing one must not fold every block,
        // row, column and label of the table (that was two thirds of reading a report's text).
        FormatSpec s = TestSupport.FORMATS.get("2021");
        LabelTargets.Target t = s.labelTargets().rows().get(0);
        TableDef bare = new TableDef(t.table().key(), "", "", "", t.table().layout(), List.of());
        BlockDef bareBlock = new BlockDef(t.block().key(), "", "", List.of(), List.of());
        RowDef bareRow = new RowDef(t.row().key(), List.of("x"), false, List.of());
        LabelTargets.Target same = new LabelTargets.Target(bare, bareBlock, bareRow, List.of(), List.of(), List.of());
        assertThat(same.hashCode()).isEqualTo(t.hashCode());
    }
}
