/**
 * Internal: what a run writes — the discrepancy workbook, annotated return copies, CSV, the printed summary — and the rule of what an output may replace (OutputGuard).
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.report;
