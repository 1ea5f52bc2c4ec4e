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

    /**
     * The number the template was issued with for {@code key}, read as the reader reads a cell;
     * null when none was prefilled or the record is no number (someone changed it: P1).
     */
    public java.math.BigDecimal issued(String key) {
        String recorded = prefilled.get(key);
        java.math.BigDecimal v = recorded == null ? null : cn.nianbao.util.NumberText.cell(recorded);
        return v == null ? null : Numbers.normalize(v);
    }

    /** The value that marks a workbook as one of ours, under the key {@code nianbao}. */
    public static final String MAGIC = "nianbao-template";
    /** Custom document properties carry the identity entries under this prefix. */
    public static final String PROPERTY_PREFIX = "nianbao.";
    /** Entry keys of the output marker and the fingerprint of the numbers written. */
    public static final String OUTPUT_KEY = "output";
    public static final String DIGEST_KEY = "digest";
    private static final String PREFILL = "prefill.";

    /** The identity as the entries written into a template (key to text, in a fixed order). */
    public Map<String, String> entries() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("nianbao", MAGIC);
        m.put("format", format);
        m.put("year", Integer.toString(year));
        m.put("agency", agency);
        m.put("code", code);
        m.put("template_id", templateId);
        m.put("tool_version", toolVersion);
        m.put("issued_at", issuedAt);
        m.put("prefill_source", prefillSource);
        prefilled.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.put(PREFILL + e.getKey(), e.getValue()));
        if (!output.isEmpty()) {
            m.put(OUTPUT_KEY, output);
            m.put(DIGEST_KEY, digest);
        }
        return m;
    }

    /** Whether the entries are ours (they carry the marker). */
    public static boolean isOurs(Map<String, String> entries) {
        return MAGIC.equals(entries.get("nianbao"));
    }

    /** Whether an entry key is one of the carried-over values (they are not document properties). */
    public static boolean isPrefill(String key) {
        return key.startsWith(PREFILL);
    }

    /** The identity the entries describe, or null when they are not ours. */
    public static Identity fromEntries(Map<String, String> m) {
        if (!isOurs(m)) {
            return null;
        }
        Map<String, String> prefilled = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(PREFILL)) {
                prefilled.put(k.substring(PREFILL.length()), v);
            }
        });
        int year;
        try {
            year = Integer.parseInt(m.getOrDefault("year", ""));
        } catch (NumberFormatException e) {
            year = 0;
        }
        return new Identity(m.getOrDefault("format", ""), year, m.getOrDefault("agency", ""),
                m.getOrDefault("code", ""), m.getOrDefault("template_id", ""), m.getOrDefault("tool_version", ""),
                m.getOrDefault("issued_at", ""), m.getOrDefault("prefill_source", ""), prefilled,
                m.getOrDefault(OUTPUT_KEY, ""), m.getOrDefault(DIGEST_KEY, ""));
    }

    /** This identity marked as an output of the given kind, written with numbers fingerprinted by {@code digest}. */
    public Identity asOutput(String kind, String valuesDigest) {
        return new Identity(format, year, agency, code, templateId, toolVersion, issuedAt, prefillSource, prefilled, kind,
                valuesDigest);
    }
}
