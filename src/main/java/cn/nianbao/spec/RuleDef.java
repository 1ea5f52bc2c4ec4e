package cn.nianbao.spec;

import java.util.List;

/**
 * A consistency rule as written in the spec: stable id (R1 …), severity, missing-value strategy,
 * the Chinese message and, where the format states it, the national text it quotes. A rule
 * "for every column" is one RuleDef expanded into one {@link RuleInstance} per column.
 */
public record RuleDef(String id, Severity severity, MissingStrategy missing, String message, String quote,
                      List<RuleInstance> instances) {
    public RuleDef {
        instances = List.copyOf(instances);
    }

    /** Whether this rule compares a filing with last year's (its instances all do, or none). */
    public boolean acrossYears() {
        return !instances.isEmpty() && instances.get(0).acrossYears();
    }
}
