package cn.nianbao.util;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text of unknown encoding as Chinese Windows users produce it: rosters, zip entry names, report texts. */
public final class Decoding {
    private Decoding() {
    }

    /**
     * UTF-16 when a byte-order mark says so, or without one when every other byte of an ASCII-heavy
     * start is zero (Notepad's "Unicode" saved by a program that wrote no mark); UTF-8 (a BOM dropped) when the bytes are valid UTF-8;
     * otherwise GB18030, a superset of GBK, as Excel and Notepad on Chinese Windows save.
     */
    public static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        java.nio.charset.Charset bomless = utf16WithoutBom(b);
        if (bomless != null) {
            return new String(b, bomless);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.startsWith("\ufeff") ? s.substring(1) : s;
        } catch (CharacterCodingException notUtf8) {
            return new String(b, Charset.forName("GB18030"));
        }
    }

    /**
     * UTF-16LE or BE without a byte-order mark: text never holds a zero byte, UTF-16 holds one in
     * every ASCII character (line breaks, digits, tabs) and in some Chinese ones. Zeros in at least 2%
     * of the first 4 KB, more of them at odd positions (LE) or even ones (BE), and the text read so
     * being letters, digits, punctuation and spaces; null otherwise.
     */
    public static java.nio.charset.Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            evenZero += b[i] == 0 ? 1 : 0;
            oddZero += b[i + 1] == 0 ? 1 : 0;
        }
        if ((evenZero + oddZero) * 50 < n) {
            return null;
        }
        java.nio.charset.Charset cs = oddZero > evenZero ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        String s = new String(b, 0, n, cs);
        int plausible = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            plausible += Character.isLetterOrDigit(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || c >= 0x20 && c < 0x7f || c >= 0x3000 && c <= 0x303f || c >= 0xff00 && c <= 0xffef || c >= 0x2000 && c <= 0x206f ? 1 : 0;
        }
        return plausible * 10 >= s.length() * 9 ? cs : null;
    }
}
