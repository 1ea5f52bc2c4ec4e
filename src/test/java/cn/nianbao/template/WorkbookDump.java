package cn.nianbao.template;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * A workbook as text lines {@code sheet!A1 | value | formula | locked | validation}, for golden files;
 * a number format other than General is appended as {@code | format F}.
 */
public final class WorkbookDump {
    private WorkbookDump() {
    }

    public static List<String> dump(Workbook wb) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            out.add("# sheet " + s.getSheetName() + " | " + wb.getSheetVisibility(i) + " | protected=" + s.getProtect());
            for (Row row : s) {
                for (Cell c : row) {
                    String value = switch (c.getCellType()) {
                        case STRING -> c.getStringCellValue();
                        case NUMERIC -> new java.math.BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros().toPlainString();
                        case FORMULA -> "";
                        case BLANK -> "";
                        default -> c.toString();
                    };
                    String formula = c.getCellType() == CellType.FORMULA ? "=" + c.getCellFormula() : "";
                    String ref = s.getSheetName() + "!" + new CellReference(c).formatAsString(false);
                    out.add(ref + " | " + value.replace("\n", "\\n") + " | " + formula + " | "
                            + (c.getCellStyle().getLocked() ? "locked" : "unlocked") + " | " + validation(s, c)
                            + format(c));
                }
            }
            List<String> merges = new ArrayList<>();
            for (CellRangeAddress m : s.getMergedRegions()) {
                merges.add(m.formatAsString());
            }
            merges.sort(null);
            merges.forEach(m -> out.add(s.getSheetName() + " merged " + m));
            var cf = s.getSheetConditionalFormatting();
            for (int k = 0; k < cf.getNumConditionalFormattings(); k++) {
                ConditionalFormatting f = cf.getConditionalFormattingAt(k);
                List<String> regions = new ArrayList<>();
                for (CellRangeAddress r : f.getFormattingRanges()) {
                    regions.add(r.formatAsString());
                }
                out.add(s.getSheetName() + " conditional " + String.join(",", regions) + " when " + f.getRule(0).getFormula1());
            }
        }
        return out;
    }

    /** A number format other than General (which shows what was typed), e.g. " | format 0". */
    static String format(Cell c) {
        String f = c.getCellStyle().getDataFormatString();
        return f == null || f.equals("General") ? "" : " | format " + f;
    }

    static String validation(Sheet s, Cell c) {
        for (DataValidation dv : s.getDataValidations()) {
            for (CellRangeAddress r : dv.getRegions().getCellRangeAddresses()) {
                if (r.isInRange(c)) {
                    DataValidationConstraint k = dv.getValidationConstraint();
                    return switch (k.getValidationType()) {
                        case DataValidationConstraint.ValidationType.INTEGER -> "whole " + op(k);
                        case DataValidationConstraint.ValidationType.FORMULA -> "custom " + k.getFormula1();
                        default -> "type" + k.getValidationType() + " " + op(k);
                    };
                }
            }
        }
        return "";
    }

    private static String op(DataValidationConstraint k) {
        return switch (k.getOperator()) {
            case DataValidationConstraint.OperatorType.GREATER_OR_EQUAL -> ">=" + k.getFormula1();
            case DataValidationConstraint.OperatorType.BETWEEN -> k.getFormula1() + ".." + k.getFormula2();
            default -> "op" + k.getOperator() + " " + k.getFormula1() + " " + k.getFormula2();
        };
    }
}
