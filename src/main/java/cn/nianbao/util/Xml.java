package cn.nianbao.util;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one rule for writing text into XML, as POI's sheet writer (SXSSF's SheetDataWriter) does:
 * the markup characters, line breaks, tabs and no-break spaces as character references, other
 * control characters and U+FFFE/U+FFFF (which XML 1.0 cannot hold) as "?", everything else as
 * is. Good in element text and in quoted attribute values alike; read back, the text is what
 * POI's other writers (XmlBeans) would have stored, a carriage return included.
 */
public final class Xml {
    private Xml() {
    }

    /** Writes {@code s} escaped to {@code out}, a run of plain characters at a time; nothing for null. */
    public static void escape(String s, Writer out) throws IOException {
        if (s == null) {
            return;
        }
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String ref = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\n' -> "&#xa;";
                case '\r' -> "&#xd;";
                case '\t' -> "&#x9;";
                case '\u00A0' -> "&#xa0;";
                default -> c < ' ' || c >= '\uFFFE' ? "?" : null;
            };
            if (ref != null) {
                out.write(s, run, i - run);
                out.write(ref);
                run = i + 1;
            }
        }
        out.write(s, run, s.length() - run);
    }

    /** {@code s} escaped. */
    public static String escape(String s) {
        StringWriter w = new StringWriter(s.length() + 16);
        try {
            escape(s, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
