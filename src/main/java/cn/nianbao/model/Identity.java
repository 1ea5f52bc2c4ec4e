package cn.nianbao.model;

import java.util.Map;

/**
 * What a template was issued for, as recorded inside it: format version, year, agency,
 * 统一社会信用代码 (may be empty), a template id and the tool version that wrote it.
 * {@code prefilled} holds the carried-over values the template was issued with (cell key to
 * plain decimal), so a reader can tell when they were changed.
 */
public record Identity(
        String format,
        int year,
        String agency,
        String code,
        String templateId,
        String toolVersion,
        String issuedAt,
        String prefillSource,
        Map<String, String> prefilled) {

    public Identity {
        code = code == null ? "" : code;
        prefillSource = prefillSource == null ? "" : prefillSource;
        prefilled = prefilled == null ? Map.of() : Map.copyOf(prefilled);
    }
}
