package cn.nianbao.template;

import static cn.nianbao.template.Cells.cell;

import cn.nianbao.model.Identity;
import cn.nianbao.spec.TemplateLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The cover of a template: whose it is (agency, code, year, format, template id, tool), the live
 * result of the 校验 sheet, and the instructions a clerk reads before filling in.
 */
final class CoverSheet {
    private CoverSheet() {
    }

    /** {@code checks} is the number of rule instances on the 校验 sheet. */
    static void write(XSSFSheet sheet, TemplateRequest req, Identity id, Styles st, int checks) {
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        cell(sheet, 0, 0).setCellValue("政府信息公开工作年度报告统计表");
        cell(sheet, 0, 0).setCellStyle(st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("单位名称", req.agency());
        rows.put("统一社会信用代码", req.code().isEmpty() ? "（未提供）" : req.code());
        rows.put("报告年度", req.year() + "年");
        rows.put("表格格式", req.spec().title());
        rows.put("模板编号", id.templateId());
        rows.put("生成工具", "nianbao " + id.toolVersion() + "，" + id.issuedAt());
        if (!req.carriedOverSource().isEmpty()) {
            rows.put("上年结转来源", req.carriedOverSource());
        }
        int r = 2;
        for (Map.Entry<String, String> e : rows.entrySet()) {
            cell(sheet, r, 0).setCellValue(e.getKey());
            cell(sheet, r, 0).setCellStyle(st.rowLabel);
            cell(sheet, r, 1).setCellValue(e.getValue());
            cell(sheet, r, 1).setCellStyle(st.text);
            r++;
        }
        cell(sheet, r, 0).setCellValue("校验结果");
        cell(sheet, r, 0).setCellStyle(st.rowLabel);
        String failing = "'" + TemplateLayout.CHECK_SHEET + "'!" + CheckSheet.FAILING;
        cell(sheet, r, 1).setCellFormula("IF(" + failing + "=0,\"目前没有不通过的校验（共" + checks + "条）\",\"有\"&"
                + failing + "&\"条校验不通过，请查看“校验”工作表\")");
        cell(sheet, r, 1).setCellStyle(st.text);
        // The clerk's own free 填报说明: one unlocked, wrapped box at a fixed place near the top, which the reader takes.
        int box = TemplateLayout.COVER_NOTE_ROW;
        if (r + 1 >= box) {
            throw new IllegalStateException("the cover's entries reach the 填报说明 box");
        }
        cell(sheet, box, 0).setCellValue(TemplateLayout.COVER_NOTE_LABEL + "（选填：需要向汇总单位说明的情况，如数字的口径、与上年不同的原因）");
        Cells.fill(sheet, box, 0, box + 4, 0, st.rowLabel);
        sheet.addMergedRegion(new CellRangeAddress(box, box + 4, 0, 0));
        Cells.fill(sheet, box, TemplateLayout.COVER_NOTE_COL, box + 4, TemplateLayout.COVER_NOTE_COL, st.explain);
        sheet.addMergedRegion(new CellRangeAddress(box, box + 4, TemplateLayout.COVER_NOTE_COL, TemplateLayout.COVER_NOTE_COL));
        r = box + 6;
        String[] notes = {
            "填写须知",
            "1. 只在白色单元格中填写数字。灰色为表格标签，蓝色为自动计算的总计" + (req.carriedOverSource().isEmpty() ? "" : "，黄色为上年结转（按上年报告预填并锁定）") + "。",
            "2. 没有发生的事项请填 0，不要留空：空白表示“未填写”，不等于 0。",
            "3. 件数填写大于或等于 0 的整数；“本年收费金额”的单位是万元，最多保留 6 位小数。",
            "4. 表三“四、结转下年度继续办理”需要手工填写。每一列都应满足：一 + 二 = 三（七）总计 + 四。",
            "5. “校验”工作表随填写实时显示每条勾稽关系的结果，不通过的单元格在表中标红，请在报送前改正。",
            "6. 请不要改动表格结构、标签和工作表名称；另存为 .xlsx 或 .xls 均可。",
            "7. 本模板专为上述单位和年度生成，请勿转给其他单位使用。",
            "8. 有需要说明的情况，写在上面的“填报说明”框里；某条警告确有合理原因的，写在“校验”工作表该行的“单位说明”一栏。",
        };
        for (int i = 0; i < notes.length; i++) {
            cell(sheet, r, 0).setCellValue(notes[i]);
            cell(sheet, r, 0).setCellStyle(i == 0 ? st.block : st.note);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
            r++;
        }
    }
}
