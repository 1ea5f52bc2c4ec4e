/**
 * Internal: a published report in any of the forms it reaches people — text (UTF-8, GBK/GB18030,
 * UTF-16), a web page (.html, .htm, .mhtml), a PDF with a text layer, a Word document (.docx,
 * .doc) — as one {@link cn.nianbao.read.source.Source}: its tables' cells (a real grid where the
 * document has one) or its lines of text with where each piece sits (page, line, x in a PDF), and its
 * plain text. Which reader is told by the file's content ({@link cn.nianbao.util.FileKind}); every
 * reader is bounded in size, depth and time, and a file it cannot read is an
 * {@link cn.nianbao.read.source.UnreadableDocument} with the reason in Chinese.
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.read.source;
