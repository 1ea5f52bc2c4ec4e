package cn.nianbao.read;

import java.nio.charset.StandardCharsets;
import org.xml.sax.SAXException;
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
        parse(bytes, bytes.length, h);
    }

    /** Per-thread buffers and names: a province's files allocate a few strings each, not a megabyte. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        char[] chars = new char[1 << 16];
        final Names names = new Names();
    }

    /** Parses {@code length} bytes of {@code bytes}. */
    static void parse(byte[] bytes, int length, DefaultHandler h) throws Unsupported, SAXException {
        int start = 0;
        if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)) {
            throw new Unsupported("UTF-16");
        }
        Buffers b = BUFFERS.get();
        if (b.chars.length < length) {
            b.chars = new char[Math.max(length, b.chars.length * 2)];
        }
        java.nio.CharBuffer out = java.nio.CharBuffer.wrap(b.chars);
        b.utf8.reset();
        java.nio.charset.CoderResult r = b.utf8.decode(java.nio.ByteBuffer.wrap(bytes, start, length - start), out, true);
        if (r.isError() || b.utf8.flush(out).isError()) {
            throw new Unsupported("not UTF-8");
        }
        try {
            new FastXml.Run(b.chars, out.position(), b.names, h).document();
        } finally {
            if (b.chars.length > (1 << 20)) {
                b.chars = new char[1 << 16]; // do not keep a huge part's buffer
            }
        }
    }

    /**
     * Strings for names and short attribute values, reused across documents: element names, cell
     * references and style numbers repeat in every file.
     */
    static final class Names {
        private final String[] table = new String[8192];

        String get(char[] cs, int from, int to) {
            int len = to - from;
            if (len > 24) {
                return new String(cs, from, len);
            }
            int h = len;
            for (int i = from; i < to; i++) {
                h = 31 * h + cs[i];
            }
            int slot = (h ^ (h >>> 15)) & (table.length - 1);
            String known = table[slot];
            if (known != null && known.length() == len) {
                boolean same = true;
                for (int i = 0; i < len && same; i++) {
                    same = known.charAt(i) == cs[from + i];
                }
                if (same) {
                    return known;
                }
            }
            String made = new String(cs, from, len);
            table[slot] = made;
            return made;
        }
    }

    private static final java.util.regex.Pattern UTF8_DECLARED =
            java.util.regex.Pattern.compile("(?s).*encoding\\s*=\\s*[\"'](?i:utf-8)[\"'].*");

    private static final class Run {
        private final char[] cs;
        private final int n;
        private final Names names;
        private final DefaultHandler h;
        private final Lazy attrs = new Lazy();
        private final StringBuilder text = new StringBuilder();
        private int i;
        private int depth;
        private boolean rootClosed;
        /** The open elements' names and local names, outermost first. */
        private String[] open = new String[16];
        private String[] openLocal = new String[16];

        Run(char[] cs, int n, Names names, DefaultHandler h) {
            this.cs = cs;
            this.n = n;
            this.names = names;
            this.h = h;
        }

        private int indexOf(char c, int from) {
            for (int p = from; p < n; p++) {
                if (cs[p] == c) {
                    return p;
                }
            }
            return -1;
        }

        private boolean startsWith(String prefix, int at) {
            if (at + prefix.length() > n) {
                return false;
            }
            for (int k = 0; k < prefix.length(); k++) {
                if (cs[at + k] != prefix.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(String str, int from) {
            for (int p = from; p + str.length() <= n; p++) {
                if (cs[p] == str.charAt(0) && startsWith(str, p)) {
                    return p;
                }
            }
            return -1;
        }

        void document() throws Unsupported, SAXException {
            h.startDocument();
            boolean declarationAllowed = true;
            while (i < n) {
                int lt = i;
                boolean amp = false;
                while (lt < n && cs[lt] != '<') {
                    amp |= cs[lt] == '&';
                    lt++;
                }
                text(i, lt, amp);
                if (lt == n) {
                    break;
                }
                i = lt;
                if (startsWith("<?", i)) {
                    if (!declarationAllowed || !startsWith("<?xml ", i)) {
                        throw new Unsupported("processing instruction");
                    }
                    int end = indexOf("?>", i);
                    if (end < 0) {
                        throw new Unsupported("unterminated declaration");
                    }
                    String decl = new String(cs, i, end - i);
                    if (decl.contains("encoding") && !UTF8_DECLARED.matcher(decl).matches()) {
                        throw new Unsupported("encoding");
                    }
                    i = end + 2;
                } else if (startsWith("<!--", i)) {
                    int end = indexOf("-->", i + 4);
                    if (end < 0) {
                        throw new Unsupported("unterminated comment");
                    }
                    i = end + 3;
                } else if (startsWith("<!", i)) {
                    throw new Unsupported("DOCTYPE or CDATA");
                } else if (startsWith("</", i)) {
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

        /** Text between markup; {@code amp} when it holds a reference to decode. */
        private void text(int from, int to, boolean amp) throws Unsupported, SAXException {
            if (from >= to) {
                return;
            }
            if (depth == 0) {
                for (int p = from; p < to; p++) {
                    if (!Character.isWhitespace(cs[p])) {
                        throw new Unsupported("text outside the root element");
                    }
                }
                return;
            }
            if (!amp) {
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
                char c = cs[p];
                if (c == '<') {
                    throw new Unsupported("< in attribute value");
                }
                if (c != '&') {
                    out.append(c);
                    p++;
                    continue;
                }
                int semi = indexOf(';', p);
                if (semi < 0 || semi > to || semi - p > 10) {
                    throw new Unsupported("bad entity");
                }
                String e = new String(cs, p + 1, semi - p - 1);
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

        /**
         * The attributes of the current start tag as offsets into the buffer: a handler's
         * getValue makes the string it asks for, and nothing else is made. Valid during
         * startElement only, as SAX allows.
         */
        private final class Lazy implements org.xml.sax.Attributes {
            private int[] at = new int[32];
            private boolean[] entity = new boolean[8];
            private int count;

            void clear() {
                count = 0;
            }

            void add(int nameStart, int nameEnd, int valueStart, int valueEnd, boolean hasEntity) {
                if (4 * count + 4 > at.length) {
                    at = java.util.Arrays.copyOf(at, at.length * 2);
                    entity = java.util.Arrays.copyOf(entity, entity.length * 2);
                }
                at[4 * count] = nameStart;
                at[4 * count + 1] = nameEnd;
                at[4 * count + 2] = valueStart;
                at[4 * count + 3] = valueEnd;
                entity[count] = hasEntity;
                count++;
            }

            /** Index of the attribute whose name is cs[from, to), or -1. */
            int indexOf(int from, int to) {
                for (int k = 0; k < count; k++) {
                    int a = at[4 * k];
                    int len = at[4 * k + 1] - a;
                    if (len == to - from && java.util.Arrays.equals(cs, a, a + len, cs, from, to)) {
                        return k;
                    }
                }
                return -1;
            }

            private boolean named(int k, String qName) {
                int a = at[4 * k];
                return at[4 * k + 1] - a == qName.length() && startsWith(qName, a);
            }

            @Override
            public int getLength() {
                return count;
            }

            @Override
            public String getURI(int index) {
                return index < count ? "" : null;
            }

            @Override
            public String getLocalName(int index) {
                return index < count ? local(getQName(index)) : null;
            }

            @Override
            public String getQName(int index) {
                return index < count ? names.get(cs, at[4 * index], at[4 * index + 1]) : null;
            }

            @Override
            public String getType(int index) {
                return index < count ? "CDATA" : null;
            }

            @Override
            public String getValue(int index) {
                if (index < 0 || index >= count) {
                    return null;
                }
                int from = at[4 * index + 2];
                int to = at[4 * index + 3];
                if (!entity[index]) {
                    return names.get(cs, from, to);
                }
                StringBuilder b = new StringBuilder(to - from);
                try {
                    decode(from, to, b);
                } catch (Unsupported e) {
                    throw new IllegalStateException(e); // entities were checked when the tag was read
                }
                return b.toString();
            }

            @Override
            public int getIndex(String uri, String localName) {
                for (int k = 0; k < count; k++) {
                    if (getLocalName(k).equals(localName)) {
                        return k;
                    }
                }
                return -1;
            }

            @Override
            public int getIndex(String qName) {
                for (int k = 0; k < count; k++) {
                    if (named(k, qName)) {
                        return k;
                    }
                }
                return -1;
            }

            @Override
            public String getType(String uri, String localName) {
                return getIndex(uri, localName) < 0 ? null : "CDATA";
            }

            @Override
            public String getType(String qName) {
                return getIndex(qName) < 0 ? null : "CDATA";
            }

            @Override
            public String getValue(String uri, String localName) {
                return getValue(getIndex(uri, localName));
            }

            @Override
            public String getValue(String qName) {
                return getValue(getIndex(qName));
            }
        }

        /** Where the name starting at {@code from} ends; {@link #colon} is set to its first ':' (or -1), as {@link #local} splits. */
        private int nameEnd(int from) {
            int p = from;
            colon = -1;
            while (p < n) {
                char c = cs[p];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '=') {
                    break;
                }
                if (c == ':' && colon < 0) {
                    colon = p;
                }
                p++;
            }
            return p;
        }

        private int colon;

        private String local(String qName) {
            int colon = qName.indexOf(':');
            return colon < 0 ? qName : names.get(qName.toCharArray(), colon + 1, qName.length());
        }

        private int skipSpace(int p) {
            while (p < n && Character.isWhitespace(cs[p])) {
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
            String qName = names.get(cs, p, end);
            String local = colon < 0 ? qName : names.get(cs, colon + 1, end);
            if (rootClosed) {
                throw new Unsupported("a second root element");
            }
            attrs.clear();
            p = skipSpace(end);
            while (p < n && cs[p] != '>' && cs[p] != '/') {
                int ne = nameEnd(p);
                if (ne == p) {
                    throw new Unsupported("bad attribute");
                }
                int nameStart = p;
                p = skipSpace(ne);
                if (p >= n || cs[p] != '=') {
                    throw new Unsupported("bad attribute");
                }
                p = skipSpace(p + 1);
                char q = p < n ? cs[p] : 0;
                if (q != '"' && q != '\'') {
                    throw new Unsupported("unquoted attribute");
                }
                int close = p + 1;
                boolean hasEntity = false;
                while (close < n && cs[close] != q) {
                    char c = cs[close++];
                    if (c == '<') {
                        throw new Unsupported("< in attribute value");
                    }
                    hasEntity |= c == '&';
                }
                if (close >= n) {
                    throw new Unsupported("unterminated attribute");
                }
                if (attrs.indexOf(nameStart, ne) >= 0) {
                    throw new Unsupported("duplicate attribute");
                }
                if (hasEntity) {
                    text.setLength(0);
                    decode(p + 1, close, text); // refuse an unknown entity now, not in a handler
                }
                attrs.add(nameStart, ne, p + 1, close, hasEntity);
                p = skipSpace(close + 1);
            }
            if (p >= n) {
                throw new Unsupported("unterminated tag");
            }
            boolean empty = cs[p] == '/';
            if (empty && (p + 1 >= n || cs[p + 1] != '>')) {
                throw new Unsupported("bad empty tag");
            }
            i = p + (empty ? 2 : 1);
            h.startElement("", local, qName, attrs);
            if (empty) {
                h.endElement("", local, qName);
                rootClosed = depth == 0;
            } else {
                if (depth == open.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                    openLocal = java.util.Arrays.copyOf(openLocal, depth * 2);
                }
                open[depth] = qName;
                openLocal[depth] = local;
                depth++;
            }
        }

        private void endTag() throws Unsupported, SAXException {
            int p = i + 2;
            int end = nameEnd(p);
            int gt = skipSpace(end);
            if (end == p || gt >= n || cs[gt] != '>' || depth == 0) {
                throw new Unsupported("bad end tag");
            }
            String qName = open[depth - 1];
            if (end - p != qName.length() || !startsWith(qName, p)) {
                throw new Unsupported("end tag does not match its start tag " + qName);
            }
            depth--;
            rootClosed = depth == 0;
            i = gt + 1;
            h.endElement("", openLocal[depth], qName);
        }
    }
}
