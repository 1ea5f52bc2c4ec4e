/**
 * Internal: a round's mail over the network — fetching returns from an IMAP or POP3 mailbox into a
 * mail store beside the outputs (then read like any inbox file), and sending the drafts that
 * {@code issue} and {@code collect --returns} wrote over SMTP, each once. Uses {@code cn.nianbao.round}
 * (the inbox reads what is stored), never the other way round.
 *
 * <p><b>Not part of nianbao's API</b>: public only so the packages can use each other; may change
 * without notice.
 */
package cn.nianbao.round.mail;
