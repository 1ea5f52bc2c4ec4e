package cn.nianbao.read.label;

import cn.nianbao.util.CreditCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern FILE_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    static ReportIdentity of(String text, String fileName) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\r|\n")) {
            String n = Labels.normalize(l);
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
        String all = Labels.normalize(text);
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
        if (year == null && fileName != null) {
            Matcher m = FILE_YEAR.matcher(fileName);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                yearSource = "文件名";
            }
        }
        String code = "";
        Matcher idx = INDEX.matcher(all);
        if (idx.find() && CreditCode.isValid(idx.group(1))) {
            code = idx.group(1);
        }
        if (agency == null && fileName != null) {
            String stem = fileName.replaceFirst("\\.[^.]+$", "");
            String name = Labels.normalize(stem.replaceAll("(?:19|20)\\d{2}年?度?", " ")).replaceAll("[-_—·.()]+", "")
                    .replace("政府信息公开工作年度报告", "").replace("年度报告", "");
            if (plausibleAgency(name)) {
                agency = name;
                agencySource = "文件名";
            }
        }
        return new ReportIdentity(agency, agencySource, year, yearSource, code);
    }

    private static boolean plausibleAgency(String s) {
        return s != null && s.length() >= 2 && s.length() <= 40 && s.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)
                && !s.matches(".*[《》,。:;0-9].*");
    }
}
