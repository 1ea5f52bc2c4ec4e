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

    /** UTF-16LE or BE when, in the first 512 bytes, at least 30% of one byte of each pair is zero and none of the other. */
    private static java.nio.charset.Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 512) & ~1;
        if (n < 8) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            evenZero += b[i] == 0 ? 1 : 0;
            oddZero += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddZero * 10 >= pairs * 3 && evenZero == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZero * 10 >= pairs * 3 && oddZero == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
