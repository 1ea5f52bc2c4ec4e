package cn.nianbao.corpus;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.report.Imports;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One fixture of the corpus imported as `import --agency A --year Y FILE` reads it, every cell of
 * the three tables as read (totals as printed, {@link #read}) compared with the seed's: exact, declared (blank or
 * invalid, with an error finding naming its cell, row, table or the file: the reader said it
 * could not tell, L6 ambiguity included), or wrong (a number different from the seed's, or a
 * cell left blank without an error saying so). A Word or PDF form that the readers of this
 * version cannot open (or find no table in) is "not readable yet", counted apart.
 */
record CorpusMeasure(String fixture, State state, int exact, int declared, int wrong, int cells, List<String> wrongCells) {

    enum State {
        /** Every cell exact. */
        EXACT,
        /** Read, some cells declared blank; none wrong (or the test fails). */
        PARTIAL,
        /** A Word or PDF form that this version does not read yet. */
        NOT_YET
    }

    static CorpusMeasure of(Corpus.Seed seed, Corpus.Form form, Path file) {
        Filing truth = seed.truth();
        String name = seed.folder() + "/" + form.file;
        ReadResult r = new Imports(TestSupport.FORMATS).read(file, new LabelReader.Hints(truth.agency(), truth.year(), null));
        int cells = truth.spec().cells().size();
        if (form.reader != Corpus.Reader.TEXT && (!r.readable() || Imports.noTables(r.filing()))) {
            return new CorpusMeasure(name, State.NOT_YET, 0, 0, 0, cells, List.of());
        }
        int exact = 0;
        int declared = 0;
        List<String> wrong = new ArrayList<>();
        for (CellDef c : truth.spec().cells()) {
            CellValue want = truth.asFiled(c.key());
            if (!r.readable()) {
                declared++; // the whole file unreadable, with its reason: nothing taken from it
                continue;
            }
            Filing f = r.filing();
            if (!f.spec().id().equals(truth.spec().id())) {
                wrong.add("format " + f.spec().id() + " instead of " + truth.spec().id());
                continue;
            }
            CellValue got = read(f, c);
            if (got instanceof CellValue.Num n && want.number() != null && n.value().compareTo(want.number()) == 0) {
                exact++;
            } else if (!(got instanceof CellValue.Num) && declaredError(f, c)) {
                declared++;
            } else {
                wrong.add(c.key() + " = " + (got instanceof CellValue.Num ? got.plain() : got.isBlank() ? "（空白，没有错误说明）" : "（无效，没有错误说明）")
                        + "，应为 " + want.plain());
            }
        }
        State state = exact == cells ? State.EXACT : State.PARTIAL;
        return new CorpusMeasure(name, state, exact, declared, wrong.size(), cells, wrong);
    }

    /**
     * What the reader took from the file for the cell: an input's value, a total as the file
     * prints it. A total the file does not show (or the reader did not find) is blank here, not
     * the sum the filing recomputes from the inputs: with inputs missing that sum is no reading.
     */
    static CellValue read(Filing f, CellDef c) {
        if (!c.isTotal()) {
            return f.value(c.key());
        }
        CellValue stored = f.storedTotals().get(c.key());
        return stored == null ? CellValue.BLANK : stored;
    }

    /** An error finding about this cell, its row, its table or the whole file. */
    private static boolean declaredError(Filing f, CellDef c) {
        for (Finding x : f.findings()) {
            if (x.severity() != Severity.ERROR) {
                continue;
            }
            if (c.key().equals(x.cellKey())) {
                return true;
            }
            if (x.cellKey() == null && (x.table() == null || x.table().equals(c.table().number()))
                    && (x.row() == null || x.row().equals(c.rowLabel()))) {
                return true;
            }
        }
        return false;
    }

    /** The line of fixtures/corpus/expected.tsv. */
    String tsv() {
        return String.join("\t", fixture, state.name().toLowerCase(java.util.Locale.ROOT), Integer.toString(exact),
                Integer.toString(declared), Integer.toString(wrong), Integer.toString(cells));
    }
}
