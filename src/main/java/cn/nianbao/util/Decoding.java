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
     * UTF-16 when a byte-order mark says so; UTF-8 (a BOM dropped) when the bytes are valid UTF-8;
     * otherwise GB18030, a superset of GBK, as Excel and Notepad on Chinese Windows save.
     */
    public static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.startsWith("\ufeff") ? s.substring(1) : s;
        } catch (CharacterCodingException notUtf8) {
            return new String(b, Charset.forName("GB18030"));
        }
    }
}
