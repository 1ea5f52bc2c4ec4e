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
        Map<String, String> prefilled,
        String output,
        String digest) {

    /** An annotated copy of a return, written for the agency to correct (report.ReturnCopies). */
    public static final String RETURN_COPY = "return-copy";
    /** A filled template written from a published report or another workbook (import). */
    public static final String IMPORTED = "import";
    /** A round's total written as a filled template (collect). */
    public static final String ROUND_TOTAL = "round-total";

    public Identity {
        code = code == null ? "" : code;
        prefillSource = prefillSource == null ? "" : prefillSource;
        prefilled = prefilled == null ? Map.of() : Map.copyOf(prefilled);
        output = output == null ? "" : output;
        digest = digest == null ? "" : digest;
    }

    /** The identity of a template to be filled in (no output marker). */
    public Identity(String format, int year, String agency, String code, String templateId, String toolVersion,
                    String issuedAt, String prefillSource, Map<String, String> prefilled) {
        this(format, year, agency, code, templateId, toolVersion, issuedAt, prefillSource, prefilled, "", "");
    }

    /** This identity marked as an output of the given kind, written with numbers fingerprinted by {@code digest}. */
    public Identity asOutput(String kind, String valuesDigest) {
        return new Identity(format, year, agency, code, templateId, toolVersion, issuedAt, prefillSource, prefilled, kind,
                valuesDigest);
    }
}
