/**
 * Internal: agencies across files and years — matching by code, name and alias, duplicates (D1), missing agencies (M1, M2).
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.reconcile;
