/**
 * Internal: writes the locked template a clerk fills in (TemplateWriter, TemplateBatch for many at once), a filed template (FilledTemplate) and the identity it carries (IdentitySheet).
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.template;
