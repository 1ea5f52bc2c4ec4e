/**
 * Internal: the nianbao command line (picocli): parses options, calls the other packages, prints; exit codes in one place (Main).
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice. Programs use {@code cn.nianbao.Nianbao} and the value types of
 * {@code cn.nianbao.model} and {@code cn.nianbao.spec}.
 */
package cn.nianbao.cli;
