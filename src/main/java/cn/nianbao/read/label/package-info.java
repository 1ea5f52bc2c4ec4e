/**
 * Internal: the national tables found by their labels in any workbook or published text (TableParser over label targets of the compiled format), run-together numbers, narrative against tables (T1), agency and year from the report.
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.read.label;
