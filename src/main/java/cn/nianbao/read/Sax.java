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

    static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
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
