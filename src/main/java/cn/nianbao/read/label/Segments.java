package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.util.ChineseText;
import cn.nianbao.util.NumberText;
import java.util.ArrayList;
import java.util.List;

/**
 * A source cut into segments: a run of label cells followed by a run of value cells. A table row
 * is one segment whatever the layout (one row per line, one cell per line, a label with its
 * numbers run on): its label run ends with the row's label, its value run holds the row's values.
 */
final class Segments {
    private Segments() {
    }

    enum Kind { LABEL, VALUE, EMPTY }

    /** One cell or piece of a cell. {@code norm} is the normalized label (labels only). */
    record Tok(Kind kind, String text, String norm, NumberText.Reading value, SourceCell cell) {
    }

    static final class Segment {
        final List<Tok> labels = new ArrayList<>();
        final List<Tok> values = new ArrayList<>();
        private String chunk;

        /** The normalized label run, joined: what row labels are matched against (as a suffix). */
        String chunk() {
            if (chunk == null) {
                StringBuilder b = new StringBuilder();
                labels.forEach(t -> b.append(t.norm()));
                chunk = b.toString();
            }
            return chunk;
        }

        boolean hasValues() {
            return values.stream().anyMatch(t -> t.kind() == Kind.VALUE);
        }

        /** The value run without leading or trailing empty cells. */
        List<Tok> trimmedValues() {
            int a = 0;
            int b = values.size();
            while (a < b && values.get(a).kind() == Kind.EMPTY) {
                a++;
            }
            while (b > a && values.get(b - 1).kind() == Kind.EMPTY) {
                b--;
            }
            return values.subList(a, b);
        }

        /** Where the row's values start: the first value cell. */
        SourceCell firstValueCell() {
            return values.stream().filter(t -> t.kind() == Kind.VALUE).map(Tok::cell).findFirst().orElse(null);
        }

        String labelText() {
            StringBuilder b = new StringBuilder();
            for (Tok t : labels) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(t.text().strip());
            }
            return b.toString();
        }
    }

    static List<Segment> of(Source source) {
        List<Segment> out = new ArrayList<>();
        Segment cur = new Segment();
        for (List<SourceCell> row : source.rows()) {
            for (SourceCell c : row) {
                String text = c.text() == null ? "" : c.text();
                if (text.isBlank()) {
                    if (cur.hasValues()) {
                        cur.values.add(new Tok(Kind.EMPTY, "", "", null, c));
                    }
                    continue;
                }
                NumberText.Reading v = NumberText.report(text);
                if (v != null) {
                    cur.values.add(new Tok(Kind.VALUE, text, "", v, c));
                    continue;
                }
                ValueText.Split split = ValueText.split(text);
                String label = split == null ? text : split.label();
                if (cur.hasValues()) {
                    out.add(cur);
                    cur = new Segment();
                } else {
                    cur.values.clear();
                }
                cur.labels.add(new Tok(Kind.LABEL, label, ChineseText.label(label), null, c));
                if (split != null) {
                    for (String p : split.pieces()) {
                        cur.values.add(new Tok(Kind.VALUE, p, "", NumberText.report(p), c));
                    }
                }
            }
        }
        if (!cur.labels.isEmpty() || cur.hasValues()) {
            out.add(cur);
        }
        return out;
    }
}
