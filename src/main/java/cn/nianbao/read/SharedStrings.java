package cn.nianbao.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared-strings table as plain strings: the text runs of each {@code <si>}, without phonetic
 * runs ({@code <rPh>}), as a cell shows it.
 */
final class SharedStrings {
    private final List<String> items;

    private SharedStrings(List<String> items) {
        this.items = items;
    }

    static SharedStrings read(InputStream in) throws IOException, SAXException {
        return new SharedStrings(Sax.parse(in, Collector::new).items);
    }

    private static final class Collector extends DefaultHandler {
        final List<String> items = new ArrayList<>();

        private final StringBuilder text = new StringBuilder();
        private boolean inT;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            switch (localName) {
                case "si" -> text.setLength(0);
                case "rPh" -> phonetic++;
                case "t" -> inT = phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inT) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> items.add(text.toString());
                case "rPh" -> phonetic--;
                case "t" -> inT = false;
                default -> { }
            }
        }
    }

    /** The string at {@code index}; an index out of range is an error in the file. */
    String get(int index) {
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("共享字符串索引 " + index + " 超出范围");
        }
        return items.get(index);
    }
}
