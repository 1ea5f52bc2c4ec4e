/**
 * Internal: leaf helpers that know nothing of the national tables — files written whole (AtomicFiles), I/O errors in Chinese, safe file names, text decoding, label text normalised, A1 addresses, credit codes, parallel mapping.
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.util;
