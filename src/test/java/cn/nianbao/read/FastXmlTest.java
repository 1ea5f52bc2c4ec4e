package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.TestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** The fast tokenizer gives a handler exactly what the secure general parser gives it, or refuses. */
class FastXmlTest {
    /** Records elements (local names), attributes (local name, qName, value) and coalesced text. */
    static final class Recorder extends DefaultHandler {
        final List<String> events = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        private void flush() {
            if (text.length() > 0) {
                events.add("text " + text);
                text.setLength(0);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            flush();
            StringBuilder sb = new StringBuilder("start " + localName);
            for (int i = 0; i < a.getLength(); i++) {
                if (!a.getQName(i).startsWith("xmlns")) {
                    sb.append(' ').append(a.getLocalName(i)).append('|').append(a.getQName(i)).append('=').append(a.getValue(i));
                }
            }
            events.add(sb.toString());
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flush();
            events.add("end " + localName);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }
    }

    static List<String> fast(byte[] xml) throws Exception {
        Recorder r = new Recorder();
        FastXml.parse(xml, r);
        return r.events;
    }

    static List<String> general(byte[] xml) throws Exception {
        Recorder r = new Recorder();
        Sax.general(new ByteArrayInputStream(xml), r);
        return r.events;
    }

    static Stream<Path> workbooks() throws IOException {
        return TestSupport.fixtureFiles("seeds", ".xlsx");
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void everyPartOfARealWorkbookParsesTheSameBothWays(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            int parts = 0;
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    byte[] xml = zip.readAllBytes();
                    assertThat(fast(xml)).as(e.getName()).isEqualTo(general(xml));
                    parts++;
                }
            }
            assertThat(parts).isGreaterThan(10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a x='1' y=\"2\"><b/><c>t&amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;</c></a>",
        "<x:worksheet xmlns:x=\"urn:x\" xmlns:r=\"urn:r\"><x:sheet r:id=\"rId1\" name=\"表一\"/></x:worksheet>",
        "<a>\n  <!-- a comment --> <b  k = \"v &amp; w\" />  text  <c></c>\n</a>\n",
        "\uFEFF<a><t xml:space=\"preserve\"> 空 格 </t></a>",
        "<sst><si><r><t>甲</t></r><r><t>乙</t></r><rPh><t>jia</t></rPh></si></sst>",
    })
    void trickyButPlainXmlParsesTheSameBothWays(String xml) throws Exception {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(fast(bytes)).isEqualTo(general(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>",
        "<a><![CDATA[x]]></a>",
        "<a>&nbsp;</a>",
        "<?xml version=\"1.0\" encoding=\"GBK\"?><a/>",
        "<a><?pi x?></a>",
        "<a><b></a>",
        "<a x=1/>",
        "<a>&#xZZ;</a>",
        "text<a/>",
        "<a><b></a></b>",
        "<a/><b/>",
        "<a x='1' x='2'/>",
        "<a x='&nbsp;'/>",
    })
    void anythingElseIsLeftToTheGeneralParser(String xml) {
        assertThatThrownBy(() -> fast(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOf(FastXml.Unsupported.class);
    }

    @Test
    void utf16IsLeftToTheGeneralParser() {
        byte[] utf16 = "\uFEFF<a/>".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> fast(utf16)).isInstanceOf(FastXml.Unsupported.class);
    }

    @Test
    void aPartTheTokenizerRefusesIsStillReadSafely() throws Exception {
        // Valid XML outside the subset (CDATA) is parsed by the general parser with a fresh handler.
        Recorder r = Sax.parse(new ByteArrayInputStream("<a><![CDATA[x<y]]></a>".getBytes(StandardCharsets.UTF_8)),
                Recorder::new);
        assertThat(r.events).containsExactly("start a", "text x<y", "end a");
        // An external entity is refused by the general parser: nothing is fetched.
        assertThatThrownBy(() -> Sax.parse(new ByteArrayInputStream(
                "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".getBytes(StandardCharsets.UTF_8)),
                Recorder::new)).isInstanceOf(org.xml.sax.SAXException.class);
    }
}
