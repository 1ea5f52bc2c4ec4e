package cn.nianbao.template;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This year's 二、上年结转政府信息公开申请数量 is last year's 四、结转下年度继续办理, column by
 * column (rule C1 of the national format). Builds the carried-over values for a new template
 * from last year's filing, in either format (table 三's rows are the same in both).
 */
public final class CarryOver {
    private CarryOver() {
    }

    /** Values to pre-fill, and a Chinese warning for each column that could not be carried. */
    public record Result(Map<String, BigDecimal> values, String source, List<String> warnings) {
    }

    public static Result from(Filing previous, FormatSpec target, int year) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (previous.year() != year - 1) {
            warnings.add("上年文件的年度是" + previous.year() + "年，不是" + (year - 1) + "年，请确认选对了文件");
        }
        for (Map.Entry<String, String> pair : target.carriedOverPairs()) {
            CellDef to = target.cell(pair.getKey());
            if (to.isTotal()) {
                continue; // the 总计 column is a formula
            }
            CellValue v = previous.value(pair.getValue());
            if (v instanceof CellValue.Num n) {
                values.put(to.key(), n.value());
            } else {
                warnings.add("上年“四、结转下年度继续办理”的“" + to.colLabel() + "”列"
                        + (v.isBlank() ? "是空白" : "无效") + "，本列上年结转未预填，需由填报单位填写");
            }
        }
        String source = previous.agency() + " " + previous.year() + "年报表（" + fileName(previous.file()) + "）";
        return new Result(values, source, warnings);
    }

    private static String fileName(String path) {
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(i + 1);
    }
}
