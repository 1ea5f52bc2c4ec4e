/**
 * Internal: the rules within one filing (R1–R4, V7) and across years (C1, C2), evaluated over the compiled format's plans.
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.check;
