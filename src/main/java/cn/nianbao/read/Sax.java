package cn.nianbao.read;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX parsing of workbook parts with one secure parser per thread (POI's settings: no DTDs, no
 * external entities). Making a parser costs more than parsing a small part.
 */
final class Sax {
    private static final ThreadLocal<XMLReader> PARSER = ThreadLocal.withInitial(() -> {
        try {
            return XMLHelper.newXMLReader();
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private Sax() {
    }

    /** Thrown by a handler that has what it needs; parsing stops quietly. */
    static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super("stop");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not an error
        }
    }

    /**
     * Parses a part with a fresh handler from {@code handlers}: first with {@link FastXml}, and when
     * the part is outside its subset, again from the start with the secure general parser and a
     * new handler. Returns the handler that saw the whole part.
     */
    static <H extends DefaultHandler> H parse(InputStream in, java.util.function.Supplier<H> handlers)
            throws IOException, SAXException {
        Bytes buf = BYTES.get();
        int length = buf.readAll(in); // bounded: parts are read through XlsxParts' size limit
        H h = handlers.get();
        try {
            FastXml.parse(buf.bytes, length, h);
            return h;
        } catch (Stop done) {
            return h;
        } catch (FastXml.Unsupported e) {
            H again = handlers.get();
            general(new java.io.ByteArrayInputStream(buf.bytes, 0, length), again);
            return again;
        } finally {
            buf.trim();
        }
    }

    private static final ThreadLocal<Bytes> BYTES = ThreadLocal.withInitial(Bytes::new);

    /** A per-thread read buffer: parts are read into it instead of a new array each. */
    private static final class Bytes {
        byte[] bytes = new byte[1 << 16];

        int readAll(InputStream in) throws IOException {
            int n = 0;
            while (true) {
                if (n == bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
                }
                int r = in.read(bytes, n, bytes.length - n);
                if (r < 0) {
                    return n;
                }
                n += r;
            }
        }

        void trim() {
            if (bytes.length > (1 << 20)) {
                bytes = new byte[1 << 16]; // do not keep a huge part's buffer
            }
        }
    }

    /** Parses with the secure general parser (POI's settings: no DTDs, no external entities). */
    static void general(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        XMLReader xml = PARSER.get();
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(in));
        } catch (Stop done) {
            // the handler has what it needs
        } finally {
            xml.setContentHandler(null);
        }
    }
}
