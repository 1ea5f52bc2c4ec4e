package cn.nianbao.template;

import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What one template is issued for. {@code templateId} and {@code issuedAt} are generated when
 * null (tests fix them for golden output). {@code carriedOver} holds last year's
 * 四、结转下年度继续办理 as this year's 二、上年结转 (cell key to value), described by
 * {@code carriedOverSource}; empty when there is no previous filing.
 */
public record TemplateRequest(FormatSpec spec, int year, String agency, String code, String templateId,
                              String issuedAt, Map<String, BigDecimal> carriedOver, String carriedOverSource) {
    public TemplateRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(agency, "agency");
        code = code == null ? "" : code;
        carriedOver = carriedOver == null ? Map.of() : Map.copyOf(carriedOver);
        carriedOverSource = carriedOverSource == null ? "" : carriedOverSource;
    }

    public static TemplateRequest of(FormatSpec spec, int year, String agency, String code) {
        return new TemplateRequest(spec, year, agency, code, null, null, null, null);
    }

    public TemplateRequest withCarriedOver(Map<String, BigDecimal> values, String source) {
        return new TemplateRequest(spec, year, agency, code, templateId, issuedAt, values, source);
    }

    public TemplateRequest withFixedId(String id, String at) {
        return new TemplateRequest(spec, year, agency, code, id, at, carriedOver, carriedOverSource);
    }
}
