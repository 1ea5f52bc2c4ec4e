package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.util.ChineseText;
import cn.nianbao.util.NumberText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule T1: a number stated in the report's sentences ("全年共受理政府信息公开申请2件",
 * "行政复议案件134件") against the table cell that holds the same number. Only clear statements
 * are compared — the figure must follow its subject within the same clause — and a mismatch is a
 * warning with the sentence quoted: the table is what is filed, the text is what people read.
 */
final class Narrative {
    /** {@code needs}: the words one of which the pattern holds (a sentence without any is not matched). */
    private record Claim(String what, Pattern pattern, List<String> cells, List<String> needs) {
        boolean mayMatch(String s) {
            for (String w : needs) {
                if (s.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String GAP = "[^0-9,，。；;:：、]{0,12}?";
    private static final String NUM = "(\\d[\\d,]*)";
    private static final List<Claim> CLAIMS = List.of(
            new Claim("收到的政府信息公开申请", Pattern.compile("(?:受理|收到|新收|接收)" + GAP + "(?:政府信息公开申请|依申请公开|信息公开申请)"
                    + "[^0-9,，。；;]{0,6}?" + NUM + "(?:件|个|份)"), List.of("t3.received.total"), List.of("受理", "收到", "新收", "接收")),
            new Claim("办结的申请", Pattern.compile("办结" + GAP + NUM + "件"), List.of("t3.result_total.total"), List.of("办结")),
            new Claim("行政复议", Pattern.compile("行政复议(?:案件|申请)?" + GAP + NUM + "(?:件|起|宗|个)"), List.of("t4.review.total"),
                    List.of("行政复议")),
            new Claim("行政诉讼", Pattern.compile("行政诉讼(?:案件)?" + GAP + NUM + "(?:件|起|宗|个)"),
                    List.of("t4.suit_direct.total", "t4.suit_after_review.total"), List.of("行政诉讼")),
            new Claim("行政许可", Pattern.compile("行政许可(?:决定|事项)?" + GAP + NUM + "(?:件|项|个)"), List.of("t2.art20_5.licensing.decisions"),
                    List.of("行政许可")),
            new Claim("行政处罚", Pattern.compile("行政处罚(?:决定|案件)?" + GAP + NUM + "(?:件|项|个|起)"), List.of("t2.art20_6.penalty.decisions"),
                    List.of("行政处罚")));
    private static final Pattern NONE_REVIEW = Pattern.compile("(?:无|未发生|没有|未收到)[^0-9,，。；;]{0,8}?行政复议");
    private static final Pattern NONE_SUIT = Pattern.compile("(?:无|未发生|没有|未收到)[^0-9,，。；;]{0,8}?(?:行政)?诉讼");

    private Narrative() {
    }

    /** T1 findings for {@code filing} from the sentences of {@code text}; tables not found are not compared. */
    static List<Finding> check(Filing filing, String text, java.util.Set<String> tablesFound) {
        List<Finding> out = new ArrayList<>();
        String flat = ChineseText.nfkc(text);
        for (int from = 0, to; from < flat.length(); from = to + 1) {
            to = from;
            while (to < flat.length() && "。;；\n".indexOf(flat.charAt(to)) < 0) {
                to++; // a sentence ends at 。 ; ； or a line break
            }
            String sentence = flat.substring(from, to);
            String s = ChineseText.label(sentence);
            if (s.length() < 4 || s.length() > 600) {
                continue;
            }
            for (Claim c : CLAIMS) {
                if (!tablesFound.contains(c.cells().get(0).substring(0, 2))) {
                    continue;
                }
                Matcher m = c.mayMatch(s) ? c.pattern().matcher(s) : null;
                NumberText.Reading said = m != null && m.find() ? NumberText.report(m.group(1)) : null;
                if (said != null && said.number() != null) {
                    compare(filing, c, said.number(), sentence, out); // "6,40" is no clear statement of a number
                }
            }
            if (tablesFound.contains("t4")) {
                if (s.contains("行政复议") && NONE_REVIEW.matcher(s).find()) {
                    compare(filing, CLAIMS.get(2), BigDecimal.ZERO, sentence, out);
                }
                if (s.contains("诉讼") && NONE_SUIT.matcher(s).find()) {
                    compare(filing, CLAIMS.get(3), BigDecimal.ZERO, sentence, out);
                }
            }
        }
        return out;
    }

    private static void compare(Filing filing, Claim c, BigDecimal said, String sentence, List<Finding> out) {
        BigDecimal table = BigDecimal.ZERO;
        for (String key : c.cells()) {
            if (!filing.spec().hasCell(key) || !(filing.asFiled(key) instanceof CellValue.Num n)) {
                return;
            }
            table = table.add(n.value());
        }
        if (table.compareTo(said) != 0) {
            String quoted = sentence.strip();
            if (quoted.length() > 120) {
                quoted = quoted.substring(0, 120) + "…";
            }
            // The finding sits on the claim's first cell; 应为/实为 mean what they mean for every rule: the value that
            // cell needs for the text to hold with the other cells as filed, and what it holds.
            var def = filing.spec().cell(c.cells().get(0));
            BigDecimal first = ((CellValue.Num) filing.asFiled(def.key())).value();
            BigDecimal others = table.subtract(first);
            String sum = c.cells().size() == 1 ? ""
                    : "（" + String.join("与", c.cells().stream().map(k -> lastPart(filing.spec().cell(k).rowLabel()) + filing.spec().cell(k).colLabel()).toList()) + "之和）";
            out.add(Finding.atCell(FindingCode.T1, filing.file(), def, null, null, "正文说" + c.what() + said.toPlainString() + "件，表" + def.table().number()
                    + "中为" + table.toPlainString() + sum + "：“" + quoted + "”").withSides(said.subtract(others), first));
        }
    }

    private static String lastPart(String rowLabel) {
        return rowLabel.substring(rowLabel.lastIndexOf('/') + 1);
    }
}
