package cn.nianbao.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 已处理 sheet: every decision whose finding the run no longer has (the agency fixed it), with
 * the row as it was decided and the workbook it came from. Nothing a supervisor typed is dropped.
 */
public final class SettledSheet {
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(DiscrepancyWorkbook.FINDING_HEADER);
        h.add("来自");
        HEADER = List.copyOf(h);
    }

    private SettledSheet() {
    }

    /** Writes the sheet when there is anything on it. */
    public static void write(ListSheet.Book book, List<Decisions.Row> settled) throws IOException {
        if (settled.isEmpty()) {
            return;
        }
        ListSheet s = book.sheet(Decisions.SETTLED, HEADER);
        for (Decisions.Row r : settled) {
            s.row();
            String[] texts = {r.agency(), r.code(), r.year(), r.table(), r.row(), r.column(), r.cell(), r.rule(), r.severity(),
                r.message(), r.required(), r.held(), null, r.file(), r.explanation(), r.choice(), r.note(), r.source()};
            BigDecimal req = number(r.required());
            BigDecimal held = number(r.held());
            for (int c = 0; c < texts.length; c++) {
                if (c == 2 || c == 10 || c == 11) {
                    BigDecimal n = number(texts[c]);
                    if (n != null) {
                        s.number(c, n);
                        continue;
                    }
                }
                if (c == 12) {
                    s.number(c, req == null || held == null ? null : cn.nianbao.model.Numbers.normalize(req.subtract(held)));
                    continue;
                }
                s.text(c, texts[c] == null || texts[c].isEmpty() ? null : texts[c]);
            }
        }
        s.finish(true);
    }

    private static BigDecimal number(String s) {
        try {
            return s.isEmpty() ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
