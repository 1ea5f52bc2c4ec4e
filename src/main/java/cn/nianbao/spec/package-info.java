/**
 * API: the national formats as data and compiled — {@link cn.nianbao.spec.Formats} (the family, loaded
 * from {@code templates/*.spec} or one's own spec files) and {@link cn.nianbao.spec.FormatSpec} (one
 * version: tables, cells, rules, and everything derived from them once), the finding catalogue
 * {@link cn.nianbao.spec.FindingCode} and {@link cn.nianbao.spec.Severity}.
 */
package cn.nianbao.spec;
