package cn.nianbao.read;

import java.nio.charset.StandardCharsets;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A strict tokenizer for the plain XML spreadsheet writers produce (elements, attributes, text,
 * comments, the five predefined entities and character references, UTF-8), driving a SAX handler
 * exactly as a parser would (local names without prefixes). A workbook part is small and there are
 * several per file, so a general parser's set-up dominates; this has none. Anything else — a
 * DOCTYPE, CDATA, a processing instruction after the declaration, another entity, another
 * encoding, malformed markup — throws {@link Unsupported} before any trust is placed in it, and
 * the caller parses the part with the secure general parser instead.
 */
final class FastXml {
    private FastXml() {
    }

    /** The input is not in the subset this tokenizer reads; use the general parser. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    static void parse(byte[] bytes, DefaultHandler h) throws Unsupported, SAXException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)) {
            throw new Unsupported("UTF-16");
        }
        String s = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        new FastXml.Run(s, h).document();
    }

    private static final class Run {
        private final String s;
        private final char[] cs;
        private final DefaultHandler h;
        private final AttributesImpl attrs = new AttributesImpl();
        private final StringBuilder text = new StringBuilder();
        private int i;
        private int depth;

        Run(String s, DefaultHandler h) {
            this.s = s;
            this.cs = s.toCharArray();
            this.h = h;
        }

        void document() throws Unsupported, SAXException {
            h.startDocument();
            boolean declarationAllowed = true;
            int n = s.length();
            while (i < n) {
                int lt = s.indexOf('<', i);
                if (lt < 0) {
                    text(i, n);
                    break;
                }
                text(i, lt);
                i = lt;
                if (s.startsWith("<?", i)) {
                    if (!declarationAllowed || !s.startsWith("<?xml ", i)) {
                        throw new Unsupported("processing instruction");
                    }
                    int end = s.indexOf("?>", i);
                    if (end < 0) {
                        throw new Unsupported("unterminated declaration");
                    }
                    String decl = s.substring(i, end);
                    if (decl.contains("encoding") && !decl.matches("(?s).*encoding\\s*=\\s*[\"'](?i:utf-8)[\"'].*")) {
                        throw new Unsupported("encoding");
                    }
                    i = end + 2;
                } else if (s.startsWith("<!--", i)) {
                    int end = s.indexOf("-->", i + 4);
                    if (end < 0) {
                        throw new Unsupported("unterminated comment");
                    }
                    i = end + 3;
                } else if (s.startsWith("<!", i)) {
                    throw new Unsupported("DOCTYPE or CDATA");
                } else if (s.startsWith("</", i)) {
                    endTag();
                } else {
                    startTag();
                }
                declarationAllowed = false;
            }
            if (depth != 0) {
                throw new Unsupported("unbalanced elements");
            }
            h.endDocument();
        }

        private void text(int from, int to) throws Unsupported, SAXException {
            if (from >= to) {
                return;
            }
            if (depth == 0) {
                if (!s.substring(from, to).isBlank()) {
                    throw new Unsupported("text outside the root element");
                }
                return;
            }
            if (!has(from, to, '&')) {
                h.characters(cs, from, to - from);
                return;
            }
            text.setLength(0);
            decode(from, to, text);
            char[] chars = text.toString().toCharArray();
            h.characters(chars, 0, chars.length);
        }

        private void decode(int from, int to, StringBuilder out) throws Unsupported {
            int p = from;
            while (p < to) {
                char c = s.charAt(p);
                if (c == '<') {
                    throw new Unsupported("< in attribute value");
                }
                if (c != '&') {
                    out.append(c);
                    p++;
                    continue;
                }
                int semi = s.indexOf(';', p);
                if (semi < 0 || semi > to || semi - p > 10) {
                    throw new Unsupported("bad entity");
                }
                String e = s.substring(p + 1, semi);
                switch (e) {
                    case "amp" -> out.append('&');
                    case "lt" -> out.append('<');
                    case "gt" -> out.append('>');
                    case "quot" -> out.append('"');
                    case "apos" -> out.append('\'');
                    default -> {
                        if (!e.startsWith("#")) {
                            throw new Unsupported("entity &" + e + ";");
                        }
                        int cp;
                        try {
                            cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                                    : Integer.parseInt(e.substring(1));
                        } catch (NumberFormatException x) {
                            throw new Unsupported("bad character reference");
                        }
                        if (!Character.isValidCodePoint(cp)) {
                            throw new Unsupported("bad character reference");
                        }
                        out.appendCodePoint(cp);
                    }
                }
                p = semi + 1;
            }
        }

        /** Whether {@code c} occurs in [from, to): searching to the end of the document would be quadratic. */
        private boolean has(int from, int to, char c) {
            for (int p = from; p < to; p++) {
                if (cs[p] == c) {
                    return true;
                }
            }
            return false;
        }

        private int nameEnd(int from) {
            int p = from;
            while (p < s.length()) {
                char c = s.charAt(p);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '=') {
                    break;
                }
                p++;
            }
            return p;
        }

        private static String local(String qName) {
            int colon = qName.indexOf(':');
            return colon < 0 ? qName : qName.substring(colon + 1);
        }

        private int skipSpace(int p) {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            return p;
        }

        private void startTag() throws Unsupported, SAXException {
            int p = i + 1;
            int end = nameEnd(p);
            if (end == p) {
                throw new Unsupported("empty element name");
            }
            String qName = s.substring(p, end);
            attrs.clear();
            p = skipSpace(end);
            while (p < s.length() && s.charAt(p) != '>' && s.charAt(p) != '/') {
                int ne = nameEnd(p);
                String an = s.substring(p, ne);
                p = skipSpace(ne);
                if (an.isEmpty() || p >= s.length() || s.charAt(p) != '=') {
                    throw new Unsupported("bad attribute");
                }
                p = skipSpace(p + 1);
                char q = p < s.length() ? s.charAt(p) : 0;
                if (q != '"' && q != '\'') {
                    throw new Unsupported("unquoted attribute");
                }
                int close = s.indexOf(q, p + 1);
                if (close < 0) {
                    throw new Unsupported("unterminated attribute");
                }
                String value;
                if (has(p + 1, close, '&') || has(p + 1, close, '<')) {
                    text.setLength(0);
                    decode(p + 1, close, text);
                    value = text.toString();
                } else {
                    value = s.substring(p + 1, close);
                }
                attrs.addAttribute("", local(an), an, "CDATA", value);
                p = skipSpace(close + 1);
            }
            if (p >= s.length()) {
                throw new Unsupported("unterminated tag");
            }
            boolean empty = s.charAt(p) == '/';
            if (empty && (p + 1 >= s.length() || s.charAt(p + 1) != '>')) {
                throw new Unsupported("bad empty tag");
            }
            i = p + (empty ? 2 : 1);
            h.startElement("", local(qName), qName, attrs);
            if (empty) {
                h.endElement("", local(qName), qName);
            } else {
                depth++;
            }
        }

        private void endTag() throws Unsupported, SAXException {
            int p = i + 2;
            int end = nameEnd(p);
            String qName = s.substring(p, end);
            int gt = skipSpace(end);
            if (qName.isEmpty() || gt >= s.length() || s.charAt(gt) != '>' || depth == 0) {
                throw new Unsupported("bad end tag");
            }
            depth--;
            i = gt + 1;
            h.endElement("", local(qName), qName);
        }
    }
}
