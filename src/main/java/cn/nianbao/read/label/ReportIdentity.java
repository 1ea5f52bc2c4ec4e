package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.util.ChineseText;
import cn.nianbao.util.CreditCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who filed a published report and for which year, as far as its own text says: the title
 * ("焦作市应急管理局2023年政府信息公开工作年度报告", also split over two lines), the
 * 统一社会信用代码 at the head of the 索引号, the 统计期限, "2024年度", or the 成文日期 (the
 * year before). Each value says where it came from, so the user can see what was assumed.
 */
record ReportIdentity(String agency, String agencySource, Integer year, String yearSource, String code) {
    private static final Pattern TITLE = Pattern.compile("^(.{0,40}?)((?:19|20)\\d{2})年度?政府信息公开(?:工作)?(?:年度)?报告");
    private static final Pattern PERIOD = Pattern.compile("统计期限[^0-9]{0,6}((?:19|20)\\d{2})年1月1日");
    private static final Pattern YEAR_OF = Pattern.compile("((?:19|20)\\d{2})年度");
    private static final Pattern WRITTEN = Pattern.compile("成文日期:?\\|?((?:19|20)\\d{2})-\\d{1,2}-\\d{1,2}");
    private static final Pattern INDEX = Pattern.compile("索引号:?\\|?([0-9A-Z]{18})");
    /** A year in a file name: not part of a longer number or of a date (2024.01.15, 2024年1月15日), with its 年/年度. */
    private static final Pattern FILE_YEAR = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d{2})(?![0-9])(?![.\\-/]\\d)(?!年\\d{1,2}月)(年度?)?");
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*\\]");
    /** Clutter around an agency in a file name: 附件1, dates and numbers, separators, 关于报送. */
    private static final Pattern ATTACHMENT = Pattern.compile("附[件表][0-9一二三四五六七八九十]*");
    private static final Pattern NUMBERS = Pattern.compile("[0-9]+[年月日号]?");
    private static final Pattern SEPARATORS = Pattern.compile("[-_—–~·.,、:;+#&]+");
    private static final Pattern PREFIX = Pattern.compile("^(?:关于)?(?:报送|上报|提交)?");
    /** Where the agency in a file name ends: the name of the report. */
    private static final List<String> REPORT_WORDS = List.of("政府信息公开", "报告", "年报", "报表", "统计表");

    static ReportIdentity of(String text, String fileName) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\r|\n")) {
            String n = ChineseText.label(l);
            if (!n.isEmpty() && !n.equals("|")) {
                lines.add(n);
            }
            if (lines.size() >= 40) {
                break;
            }
        }
        String agency = null;
        String agencySource = null;
        Integer year = null;
        String yearSource = null;
        // A title on one line first; then a title split over two lines ("聊城市应急管理局2023年政府信息公开" / "年度报告").
        for (int pass = 0; pass < 2 && agency == null; pass++) {
            for (int i = 0; i < lines.size() && agency == null; i++) {
                String candidate = pass == 0 ? lines.get(i) : i + 1 < lines.size() ? lines.get(i) + lines.get(i + 1) : null;
                Matcher m = candidate == null ? null : TITLE.matcher(candidate);
                if (m != null && m.find() && plausibleAgency(m.group(1))) {
                    agency = m.group(1);
                    agencySource = "报告标题";
                    year = Integer.parseInt(m.group(2));
                    yearSource = "报告标题";
                }
            }
        }
        String all = ChineseText.label(text);
        if (year == null) {
            Matcher m = PERIOD.matcher(all);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                yearSource = "统计期限";
            }
        }
        if (year == null) {
            Map<Integer, Integer> counts = new HashMap<>();
            Matcher m = YEAR_OF.matcher(all);
            while (m.find()) {
                counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
            year = counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            yearSource = year == null ? null : "正文中的“" + year + "年度”";
        }
        if (year == null) {
            Matcher m = WRITTEN.matcher(all);
            if (m.find()) {
                year = Integer.parseInt(m.group(1)) - 1;
                yearSource = "成文日期的上一年";
            }
        }
        String stem = fileName == null ? null : fileName.replaceFirst("\\.[^.]+$", "");
        MatchResult fileYear = stem == null ? null : fileYear(stem);
        if (year == null && fileYear != null) {
            year = Integer.parseInt(fileYear.group(1));
            yearSource = "文件名";
        }
        String code = "";
        Matcher idx = INDEX.matcher(all);
        if (idx.find() && CreditCode.isValid(idx.group(1))) {
            code = idx.group(1);
        }
        if (agency == null && stem != null) {
            // The text before the year ("常山县教育局2023年报表"), else after it ("2023年常山县教育局…报告"): never both glued.
            agency = fileYear == null ? agencyIn(stem) : agencyIn(stem.substring(0, fileYear.start()));
            if (agency == null && fileYear != null) {
                agency = agencyIn(stem.substring(fileYear.end()));
            }
            agencySource = agency == null ? null : "文件名";
        }
        return new ReportIdentity(agency, agencySource, year, yearSource, code);
    }

    /** The year of a file name: the first written as “2023年”, else the first standing alone; null if none. */
    private static MatchResult fileYear(String stem) {
        Matcher m = FILE_YEAR.matcher(stem);
        MatchResult first = null;
        while (m.find()) {
            if (m.group(2) != null) {
                return m.toMatchResult();
            }
            first = first == null ? m.toMatchResult() : first;
        }
        return first;
    }

    /**
     * The agency in one side of a file name's year ("常山县教育局" in "常山县教育局2023年报表（值）",
     * "2023年常山县教育局政府信息公开工作年度报告"): without bracketed notes, 附件N, dates and
     * numbers, separators, and cut where the report's name starts; null if nothing agency-like is left.
     * A name in brackets ("【常山县教育局】") is kept when nothing else is there.
     */
    private static String agencyIn(String piece) {
        String n = ChineseText.label(piece);
        String a = tidy(BRACKETED.matcher(n).replaceAll(""));
        if (plausibleAgency(a)) {
            return a;
        }
        String b = tidy(n.replaceAll("[()\\[\\]]", ""));
        return plausibleAgency(b) ? b : null;
    }

    private static String tidy(String s) {
        String t = SEPARATORS.matcher(NUMBERS.matcher(ATTACHMENT.matcher(s).replaceAll("")).replaceAll("")).replaceAll("");
        t = PREFIX.matcher(t).replaceFirst("");
        int cut = t.length();
        for (String w : REPORT_WORDS) {
            int i = t.indexOf(w);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return t.substring(0, cut);
    }

    private static boolean plausibleAgency(String s) {
        return s != null && s.length() >= 2 && s.length() <= 40 && s.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)
                && !s.matches(".*[《》,。:;0-9].*");
    }
}
