package cn.nianbao.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.read.WorkbookReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one agency index: the order of its keys, codes that disagree, renamed agencies, shared addresses. */
class AgencyIndexTest {
    /** Anything with an agency's keys: the index does not care what it indexes. */
    record Unit(String code, String name, List<String> aliases, List<String> senders) {
        AgencyIndex.Keys keys() {
            return new AgencyIndex.Keys(code, name, aliases, senders);
        }
    }

    static final String CZ_CODE = "11330800002618736G";
    static final String OTHER_CODE = "11330800002618744B";

    static final Unit CZ = new Unit(CZ_CODE, "甲县财政局", List.of(), List.of("czj@example.cn"));
    static final Unit JY = new Unit("", "甲县教育局", List.of("甲县教委"), List.of("jyj@example.cn"));
    /** Named what 教育局 was once called: a name beats an alias. */
    static final Unit JW = new Unit("", "甲县教委", List.of(), List.of());
    static final Unit WJW = new Unit("", "甲县卫生健康委员会", List.of("甲县卫生和计划生育委员会"), List.of("wjw@example.cn"));
    /** Two agencies answering from one office address. */
    static final Unit MZ = new Unit("", "甲县民政局", List.of(), List.of("mzj@example.cn", "bgs@example.cn"));
    static final Unit SL = new Unit("", "甲县水利局", List.of(), List.of("BGS@example.cn"));

    static AgencyIndex<Unit> roster() {
        return new AgencyIndex<>(List.of(CZ, JY, JW, WJW, MZ, SL), Aliases.none(), Unit::keys);
    }

    static String found(AgencyIndex.Hit<Unit> h) {
        return h == null ? null : h.entry().name() + " " + h.by() + (h.codeDisagrees() ? " 代码不符" : "");
    }

    @Test
    void codeBeatsNameBeatsAliasBeatsSenderBeatsFileName() {
        AgencyIndex<Unit> ix = roster();
        // Every key below points somewhere else; the strongest one decides.
        assertThat(found(ix.find(CZ_CODE, "甲县教育局", "jyj@example.cn", "甲县水利局.xlsx"))).isEqualTo("甲县财政局 CODE");
        assertThat(found(ix.find("", " 甲县 教育局", "czj@example.cn", "甲县水利局.xlsx"))).isEqualTo("甲县教育局 NAME");
        assertThat(found(ix.find("", "甲县教委", "czj@example.cn", ""))).as("a name beats another's alias").isEqualTo("甲县教委 NAME");
        assertThat(found(ix.find("", "甲县卫生和计划生育委员会", "czj@example.cn", "甲县水利局.xlsx"))).isEqualTo("甲县卫生健康委员会 ALIAS");
        assertThat(found(ix.find("", "某个别的单位", "CZJ@example.cn", "甲县水利局.xlsx"))).isEqualTo("甲县财政局 SENDER");
        assertThat(found(ix.find("", "某个别的单位", "who@example.com", "报表-甲县水利局-2024.xlsx"))).isEqualTo("甲县水利局 FILE_NAME");
        assertThat(found(ix.find("", "某个别的单位", "who@example.com", "报表.xlsx"))).isNull();
        // The code and name lookups alone never guess from an address or a file.
        assertThat(found(ix.find("", "甲县卫生和计划生育委员会"))).isEqualTo("甲县卫生健康委员会 ALIAS");
        assertThat(ix.find("", "某个别的单位")).isNull();
    }

    @Test
    void aCodeThatDisagreesIsFlaggedNotHidden() throws IOException {
        AgencyIndex<Unit> ix = roster();
        assertThat(found(ix.find(OTHER_CODE, "甲县财政局"))).isEqualTo("甲县财政局 NAME 代码不符");
        assertThat(found(ix.find("", "甲县财政局"))).as("no code asked: nothing to disagree with").isEqualTo("甲县财政局 NAME");
        assertThat(found(ix.find(OTHER_CODE, "甲县教育局"))).as("the entry has no code").isEqualTo("甲县教育局 NAME");

        // Across years a name whose code is another's is no match (M1 and M2), and no duplicate (no D1).
        Filing now = filing(2024, "甲县财政局", OTHER_CODE);
        Filing before = filing(2023, "甲县财政局", CZ_CODE);
        Reconciliation r = Reconciler.reconcile(List.of(now), List.of(before), Aliases.none(), null);
        assertThat(r.matches()).isEmpty();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("M1", "M2");
        Reconciler.Duplicates d1 = Reconciler.firstOfDuplicates(List.of(now, filing(2024, "甲县财政局", CZ_CODE)), Aliases.none());
        assertThat(d1.kept()).hasSize(2);
        assertThat(d1.findings()).isEmpty();
    }

    @Test
    void renamedAgenciesAreFoundByTheirFormerNames() throws IOException {
        // A roster entry's own former names.
        assertThat(found(roster().find("", "甲县衛生和計劃生育委員會"))).as("traditional characters too")
                .isEqualTo("甲县卫生健康委员会 ALIAS");
        // Last year's filing under the former name, found from this year's name by an aliases file's group.
        Aliases aliases = Aliases.of(Map.of("某市应急管理局", List.of("某市安全生产监督管理局")));
        Filing old = filing(2023, "某市安全生产监督管理局", "");
        AgencyIndex<Filing> last = AgencyIndex.ofFilings(List.of(old), aliases);
        AgencyIndex.Hit<Filing> h = last.find("", "某市应急管理局");
        assertThat(h.entry()).isSameAs(old);
        assertThat(h.by()).isEqualTo(MatchedBy.ALIAS);
        assertThat(last.find("", "某市安全生产监督管理局").by()).isEqualTo(MatchedBy.NAME);
        assertThat(AgencyIndex.ofFilings(List.of(old), Aliases.none()).find("", "某市应急管理局")).as("no aliases, no match").isNull();
        // An entry already taken lets the next key try; the first added wins a shared key.
        Filing again = filing(2023, "某市应急管理局", "");
        AgencyIndex<Filing> both = AgencyIndex.ofFilings(List.of(old, again), aliases);
        assertThat(both.find("", "某市应急管理局").entry()).isSameAs(again);
        assertThat(both.find("", "某市应急管理局", f -> f != again).entry()).isSameAs(old);
        assertThat(both.withAlias("某市应急管理局")).isSameAs(old);
    }

    @Test
    void anAddressTwoAgenciesShareTellsNeither() {
        AgencyIndex<Unit> ix = roster();
        assertThat(ix.withSender("bgs@example.cn")).containsExactly(MZ, SL);
        assertThat(ix.withSender("mzj@example.cn")).containsExactly(MZ);
        assertThat(ix.withSender("")).isEmpty();
        assertThat(ix.find("", "某个别的单位", "bgs@example.cn", "报表.xlsx")).isNull();
        // The file name still can.
        assertThat(found(ix.find("", "某个别的单位", "bgs@example.cn", "甲县民政局2024年报表.xlsx"))).isEqualTo("甲县民政局 FILE_NAME");
    }

    @Test
    void theLongestNameInAFileNameWins() {
        AgencyIndex<Unit> ix = new AgencyIndex<>(List.of(
                new Unit("", "甲县卫生局", List.of(), List.of()),
                new Unit("", "甲县卫生健康委员会", List.of("卫计委"), List.of())), Aliases.none(), Unit::keys);
        assertThat(ix.inFileName("甲县卫生健康委员会-甲县卫生局转.xlsx").name()).isEqualTo("甲县卫生健康委员会");
        assertThat(ix.inFileName("甲县卫生局.xlsx").name()).isEqualTo("甲县卫生局");
        assertThat(ix.inFileName("卫计委.xlsx")).as("three characters are too common to tell").isNull();
    }

    @TempDir
    Path dir;

    private Filing filing(int year, String agency, String code) throws IOException {
        Path f = dir.resolve(year + "-" + System.nanoTime() + ".xlsx");
        return new WorkbookReader(TestSupport.FORMATS).read(TestSupport.filled(TestSupport.request("2021", year, agency, code),
                TestSupport.zeros(TestSupport.FORMATS.get("2021")), f)).filing();
    }
}
