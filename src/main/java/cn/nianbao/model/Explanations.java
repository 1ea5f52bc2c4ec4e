package cn.nianbao.model;

import java.util.Map;

/**
 * What a clerk wrote in a template beside the checks: the cover's free 填报说明 ({@code cover},
 * empty when none), and the 说明 of the 校验 sheet's lines by rule and cell
 * ({@code TemplateLayout.CheckLine#key}). A template issued before these inputs existed has none.
 */
public record Explanations(String cover, Map<String, String> byRule) {
    public static final Explanations NONE = new Explanations("", Map.of());

    public Explanations {
        cover = cover == null ? "" : cover;
        byRule = Map.copyOf(byRule);
    }

    /** The clerk's 说明 for rule {@code ruleId}'s finding at cell {@code cellKey}, or null. */
    public String of(String ruleId, String cellKey) {
        return byRule.isEmpty() || cellKey == null ? null : byRule.get(ruleId + "@" + cellKey);
    }

    public boolean isEmpty() {
        return cover.isEmpty() && byRule.isEmpty();
    }
}
