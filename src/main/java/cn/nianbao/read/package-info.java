/**
 * Internal: any workbook back into a Filing — our template by position (StreamingXlsx, FastXml, ZipBytes on the fast path; POI otherwise), anything else by its labels (read.label).
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.read;
