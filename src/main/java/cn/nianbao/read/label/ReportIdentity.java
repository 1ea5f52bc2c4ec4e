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
    /** The first sentence of a report's body: "2024年，××区人民政府办公室认真贯彻…" (spaces removed). */
    private static final Pattern OPENING = Pattern.compile("(?:^|[。\\n:)]|总体情况)((?:19|20)\\d{2})年度?,(.{2,40})");
    /** Where an agency's name in a sentence ends: the verbs and prepositions reports start their first sentence with. */
    private static final Pattern AFTER_NAME = Pattern.compile(
            "认真|深入|坚持|全面|严格|按照|紧紧|紧扣|紧密|围绕|持续|进一步|始终|积极|高度|贯彻|扎实|着力|不断|聚焦|立足|根据|依据|"
                    + "结合|切实|大力|狠抓|继续|主动|牢固|在|以|把|将|对|通过|坚定|着眼|不折不扣|精心");
    /** The last character of an agency's name (局, 委员会, 办公室, 人民政府, 部, 厅, 中心 …). */
    private static final String NAME_ENDS = "局委办室厅部署院心府会所站队处馆社司镇乡道区县市";
    private static final Pattern PUBLISHER = Pattern.compile("发布机构:?\\|?([^|\\n]{2,40})");
    /** A signature: the agency on its own line, or before the date, then the date, among a report's last lines. */
    private static final Pattern SIGNED = Pattern.compile("^(.{2,40}?)?((?:19|20)\\d{2})年\\d{1,2}月\\d{1,2}日$");
    /** Where the agency in a file name ends: the name of the report. */
    private static final List<String> REPORT_WORDS = List.of("政府信息公开", "报告", "年报", "报表", "统计表");

    static ReportIdentity of(String text, String fileName) {
        List<String> lines = new ArrayList<>();
        // The first 40 lines that hold anything (a line of spaces alone is none): the text is not cut up past them.
        for (int from = 0, to; from < text.length(); from = to + 1) {
            to = from;
            while (to < text.length() && text.charAt(to) != '\n' && text.charAt(to) != '\r') {
                to++;
            }
            String n = ChineseText.label(text.substring(from, to));
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
        // The body is looked at only for what the title and the dates did not give.
        Body body = year == null ? Body.of(text) : null;
        if (body != null && body.year() != null) {
            year = body.year();
            yearSource = body.yearSource();
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
        if (agency == null && body == null) {
            body = Body.of(text);
        }
        if (agency == null && body.agency() != null) {
            agency = body.agency();
            agencySource = body.agencySource();
        }
        return new ReportIdentity(agency, agencySource, year, yearSource, code);
    }

    /**
     * What a report's body says of who wrote it and when, for a report whose title is generic: the first
     * sentence ("2024年，××区人民政府…"), the 发布机构 a government site prints above it, the signature and
     * date at the end (the year before the date). The first sentence is trusted before the publisher, which
     * sites often shorten ("市应急管理局").
     */
    private record Body(String agency, String agencySource, Integer year, String yearSource) {
        static Body of(String text) {
            // Lines kept (a sentence starts a line), each folded and without spaces ("2023 年，" is "2023年,").
            StringBuilder b = new StringBuilder();
            for (String l : text.split("\r\n|\r|\n")) {
                b.append(ChineseText.label(l)).append('\n'); // label drops every space
            }
            String compact = b.toString();
            String agency = null;
            String agencySource = null;
            Integer year = null;
            String yearSource = null;
            Matcher m = OPENING.matcher(compact.length() > 6000 ? compact.substring(0, 6000) : compact);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                yearSource = "正文第一句“" + m.group(1) + "年，…”";
                agency = nameAtStart(m.group(2));
                agencySource = agency == null ? null : "正文第一句";
            }
            if (agency == null) {
                Matcher p = PUBLISHER.matcher(compact);
                if (p.find() && fullName(tidy(p.group(1)))) {
                    agency = tidy(p.group(1));
                    agencySource = "发布机构";
                }
            }
            // The signature: among the last lines, a date alone (the agency on the line before) or after the agency.
            List<String> tail = new ArrayList<>();
            String[] lines = compact.split("\n");
            for (int i = lines.length - 1; i >= 0 && tail.size() < 8; i--) {
                String l = lines[i].replace("|", "");
                if (!l.isEmpty()) {
                    tail.add(0, l);
                }
            }
            for (int i = tail.size() - 1; i >= 0; i--) {
                Matcher d = SIGNED.matcher(tail.get(i));
                if (!d.matches()) {
                    continue;
                }
                if (year == null) {
                    year = Integer.parseInt(d.group(2)) - 1;
                    yearSource = "落款日期的上一年";
                }
                String signer = d.group(1) != null ? d.group(1) : i > 0 ? tail.get(i - 1) : null;
                if (agency == null && signer != null && fullName(signer) && NAME_ENDS.indexOf(signer.charAt(signer.length() - 1)) >= 0) {
                    agency = signer;
                    agencySource = "落款";
                }
                break;
            }
            return new Body(agency, agencySource, year, yearSource);
        }

        /** The agency at the start of a sentence's subject ("焦作市应急管理局认真贯彻…"), null for 我局, 本单位 and the like. */
        private static String nameAtStart(String s) {
            Matcher v = AFTER_NAME.matcher(s);
            String name = v.find() ? s.substring(0, v.start()) : s;
            int end = name.length();
            while (end > 0 && NAME_ENDS.indexOf(name.charAt(end - 1)) < 0) {
                end--;
            }
            name = name.substring(0, end);
            return fullName(name) ? name : null;
        }

        /**
         * A name that can stand for an agency: long enough, agency-like, not 我局/全局/本单位, and not shortened the way
         * sites and sentences shorten it ("市应急管理局" for 衢州市应急管理局): a full name starts with its place.
         */
        private static boolean fullName(String name) {
            return name.length() >= 4 && plausibleAgency(name) && !name.matches("^(?:我|本|全|各|该|此|今|上级|市|县|区|省|州|镇|乡).*");
        }
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
                && !s.matches(".*[《》,。:;0-9].*") && !SELF.matcher(s).matches();
    }

    /** An agency naming itself ("我局", "本单位", "全委"): no name at all. */
    private static final Pattern SELF = Pattern.compile(
            "^(?:我|本|全|该|此)(?:局|委|厅|办|院|中心|单位|机关|部|署|会|所|站|队|处|科|馆|校|府|政府|区|县|市|镇|乡|街道|公司|集团|系统)$");
}
