/**
 * Internal: a collection round — roster, issuing templates and drafts, the inbox (.eml, .zip, .mbox), who submitted what, the round's total.
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.round;
