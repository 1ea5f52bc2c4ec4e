package cn.nianbao.read.label;

import cn.nianbao.read.label.Tokens.Kind;
import cn.nianbao.read.label.Tokens.Tok;
import cn.nianbao.spec.BlockDef;
import cn.nianbao.spec.ColumnDef;
import cn.nianbao.spec.LabelTargets;
import cn.nianbao.spec.TableDef;
import cn.nianbao.util.ChineseText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a page break leaves inside a table, taken out of the token stream before its rows are
 * looked for: the table's column header printed again at the top of the next page (a wide
 * table's header repeated, as Word and LibreOffice do; the labels "申请人情况 … 总计" would
 * otherwise stand between the two halves of a row's label cut by the break, "5.要求行政机关确认或重新"
 * … "出具已获取信息"), and a bare page number standing inside a label ("（四）无" "3" "法提供"), which
 * is no value: a value never stands in the middle of a label.
 */
final class PageBreaks {
    /** A repeated header is at least this many characters of header wording (a lone "总计" or "其他" never is). */
    private static final int MIN_HEADER = 12;

    private PageBreaks() {
    }

    /** {@code toks} without the repeated headers of the tables' wide blocks and the page numbers inside labels. */
    static List<Tok> clean(List<Tok> toks, LabelTargets targets) {
        List<Tok> out = withoutRepeatedHeaders(toks, targets.derived(HeaderPhrases.KEY, () -> headerPhrases(targets)));
        return withoutNumbersInsideLabels(out, targets);
    }

    /** Keys of what {@link #clean} keeps with the targets ({@link LabelTargets#derived}). */
    private enum HeaderPhrases { KEY, ALL_JOINED }

    /** The column wording of the blocks of five columns or more (table 三): corner, column paths, aliases. */
    private static List<String> headerPhrases(LabelTargets targets) {
        Set<String> h = new TreeSet<>();
        for (TableDef t : targets.spec().tables()) {
            for (BlockDef b : t.blocks()) {
                if (b.cols().size() < 5 || b.rows().size() < 5) {
                    continue;
                }
                add(h, b.corner());
                for (ColumnDef c : b.cols()) {
                    c.path().forEach(x -> add(h, x));
                    c.aliases().forEach(x -> add(h, x));
                }
            }
        }
        List<String> byLength = new ArrayList<>(h);
        byLength.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(byLength);
    }

    private static void add(Set<String> h, String s) {
        if (s != null && !s.isBlank()) {
            String n = ChineseText.label(s);
            h.add(n);
            h.add(ChineseText.labelCore(n));
        }
    }

    /** Whether a folded label is header wording only: a piece of one phrase, or whole phrases one after another. */
    private static boolean headerWording(String norm, List<String> phrases, String joined) {
        if (norm.isEmpty() || joined.contains(norm)) {
            return !norm.isEmpty();
        }
        String rest = norm;
        for (String p : phrases) {
            if (p.length() >= 2 && rest.contains(p)) {
                rest = rest.replace(p, "");
            }
        }
        for (int i = 0; i < rest.length(); i++) {
            if ("()（）:：,，".indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        return true; // nothing left but brackets, colons and commas
    }

    /**
     * Runs of header wording after the first: consecutive label tokens (empty cells between them
     * allowed) of header wording only, together at least {@link #MIN_HEADER} characters. The first
     * run is the table's own header and stays.
     */
    private static List<Tok> withoutRepeatedHeaders(List<Tok> toks, List<String> phrases) {
        if (phrases.isEmpty()) {
            return toks;
        }
        String joined = String.join("|", phrases);
        Map<String, Boolean> wording = new HashMap<>(); // headerWording of each label, asked once
        java.util.function.Predicate<Tok> header = t -> t.kind() == Kind.LABEL
                && wording.computeIfAbsent(t.norm(), n -> headerWording(n, phrases, joined));
        boolean[] drop = new boolean[toks.size()];
        boolean seenOne = false;
        boolean any = false;
        for (int k = 0; k < toks.size(); ) {
            if (!header.test(toks.get(k))) {
                k++;
                continue;
            }
            int end = k;
            int chars = 0;
            int labels = 0;
            while (end < toks.size()) {
                Tok t = toks.get(end);
                if (header.test(t)) {
                    chars += t.norm().length();
                    labels++;
                } else if (t.kind() != Kind.EMPTY) {
                    break;
                }
                end++;
            }
            if (chars >= MIN_HEADER && labels >= 2) {
                if (seenOne) {
                    for (int j = k; j < end; j++) {
                        drop[j] = true;
                    }
                    any = true;
                }
                seenOne = true;
            }
            k = end;
        }
        if (!any) {
            return toks;
        }
        List<Tok> out = new ArrayList<>(toks.size());
        for (int k = 0; k < toks.size(); k++) {
            if (!drop[k]) {
                out.add(toks.get(k));
            }
        }
        return out;
    }

    /**
     * A number alone on its line standing between two pieces of one label of the tables
     * ("（四）无" "3" "法提供"): a page number printed where the page broke the label, no value.
     */
    private static List<Tok> withoutNumbersInsideLabels(List<Tok> toks, LabelTargets targets) {
        String joined = targets.derived(HeaderPhrases.ALL_JOINED, () -> String.join("|", targets.phrases()));
        List<Tok> kept = new ArrayList<>(toks.size());
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            boolean inside = k > 0 && k + 1 < toks.size() && t.num() && t.loose()
                    && toks.get(k - 1).kind() == Kind.LABEL && toks.get(k + 1).kind() == Kind.LABEL
                    && splitsPhrase(toks.get(k - 1).norm(), toks.get(k + 1).norm(), joined);
            if (!inside) {
                kept.add(t);
            }
        }
        return kept.size() == toks.size() ? toks : kept;
    }

    private static boolean splitsPhrase(String b, String a, String joined) {
        String tail = b.substring(Math.max(0, b.length() - 3));
        String head = a.substring(0, Math.min(3, a.length()));
        return tail.length() + head.length() >= 4 && joined.contains(tail + head);
    }
}
