package cn.nianbao.read;

import cn.nianbao.TestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The mutators of {@link DocumentFuzzTest}, one per form of published report: each takes a corpus
 * file's bytes and a seeded random and gives a damaged, odd or hostile variant of it, aimed at the
 * part of the reader the form reaches (a PDF's content streams and cross-reference table, a .docx's
 * XML, a page's markup and charset, an .mhtml's MIME structure, a text's encoding).
 */
final class DocumentMutator {
    private DocumentMutator() {
    }


    static byte[] mutate(DocumentFuzzTest.Form form, byte[] in, Random rnd) throws IOException {
        return switch (form) {
            case PDF -> rnd.nextInt(3) == 0 ? bytes(in, rnd) : pdf(in, rnd);
            case DOCX -> rnd.nextInt(4) == 0 ? bytes(in, rnd) : docx(in, rnd);
            case DOC -> bytes(in, rnd);
            case HTML -> rnd.nextInt(6) == 0 ? bytes(in, rnd) : html(in, rnd);
            case MHTML -> rnd.nextInt(6) == 0 ? bytes(in, rnd) : mhtml(in, rnd);
            case TEXT -> text(in, rnd);
        };
    }

    /** Bytes overwritten, a block set to 00/FF/random, a range copied elsewhere (a splice), or the file cut short. */
    static byte[] bytes(byte[] in, Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                return TestSupport.mutateBytes(in, rnd);
            }
            case 1 -> {
                byte[] b = in.clone();
                int at = rnd.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + rnd.nextInt(512));
                int kind = rnd.nextInt(3);
                for (int i = at; i < at + len; i++) {
                    b[i] = kind == 0 ? 0 : kind == 1 ? (byte) 0xFF : (byte) rnd.nextInt(256);
                }
                return b;
            }
            case 2 -> {
                byte[] b = in.clone();
                int from = rnd.nextInt(b.length);
                int to = rnd.nextInt(b.length);
                int len = Math.min(Math.min(b.length - from, b.length - to), 1 + rnd.nextInt(4096));
                System.arraycopy(in, from, b, to, len);
                return b;
            }
            default -> {
                return java.util.Arrays.copyOf(in, rnd.nextInt(in.length + 1));
            }
        }
    }

    private static final String[] CONTENT_OPS = {"q ", "Q ", "BT ", "ET ", "/F1 12 Tf ", "/F99 12 Tf ", "/F1 0 Tf ", "/F1 -1e30 Tf ",
        "(\u00e6\u0094\u00bf) Tj ", "<FEFF> Tj ", "<zz> Tj ", "(unclosed Tj ", "() Tj ", "[(1) -99999 (2) 1e38 (3)] TJ ", "[] TJ ",
        "1e38 0 0 1e38 0 0 cm ", "0 0 0 0 0 0 cm ", "1 0 0 -1 0 0 Tm ", "NaN 0 0 1 5 5 Tm ", "0 0 0 0 0 0 Tm ", "99999 TL T* ",
        "-1 Tz ", "0 Tz ", "3 Tr ", "7 Tr ", "1e30 Tc ", "-1e30 Tw ", "1e30 Ts ", "' ", "\" ", "/Im9 Do ", "/X BDC ", "EMC ",
        "BI /W 99999 /H 99999 /BPC 8 /CS /RGB ID xx EI ", "1 2 3 4 5 6 7 8 9 ", "0 0 m 100 100 l S ", "0 0 100 100 re f ",
        "/GS9 gs ", "/P0 sh ", "[1 2] 0 d ", "% comment\n", "\n", ")", "(", "<<", ">>", "[", "]"};
    private static final String[] PDF_VALUES = {"0", "-1", "1", "2147483647", "-2147483648", "99999999999999999999", "1e308", "NaN",
        "null", "true", "()", "<>", "[]", "<< >>", "0 0 R", "999 0 R", "1 0 R", "3 0 R", "/Foo"};

    /** A PDF edited as text: content-stream operators, the xref table and trailer, dictionary values, duplicated objects. */
    static byte[] pdf(byte[] in, Random rnd) {
        StringBuilder s = new StringBuilder(new String(in, StandardCharsets.ISO_8859_1));
        int edits = 1 + rnd.nextInt(3);
        for (int i = 0; i < edits; i++) {
            switch (rnd.nextInt(6)) {
                case 0 -> contentStream(s, rnd);
                case 1 -> xref(s, rnd);
                case 2 -> dictionaryValue(s, rnd);
                case 3 -> duplicateObject(s, rnd);
                case 4 -> repeatedContents(s, rnd);
                default -> {
                    // a keyword cut out: "endobj", "endstream", "stream", "obj", "xref", "trailer", "startxref", "%%EOF"
                    String[] words = {"endobj", "endstream", "stream", " obj", "xref", "trailer", "startxref", "%%EOF", "/Type", "/Page"};
                    String w = words[rnd.nextInt(words.length)];
                    int at = nth(s, w, rnd);
                    if (at >= 0) {
                        s.delete(at, at + w.length());
                    }
                }
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Where a random one of the occurrences of {@code w} in {@code s} starts; -1 if none. */
    private static int nth(CharSequence s, String w, Random rnd) {
        List<Integer> at = new ArrayList<>();
        String str = s.toString();
        for (int i = str.indexOf(w); i >= 0 && at.size() < 10_000; i = str.indexOf(w, i + 1)) {
            at.add(i);
        }
        return at.isEmpty() ? -1 : at.get(rnd.nextInt(at.size()));
    }

    private static void contentStream(StringBuilder s, Random rnd) {
        // A stream whose data is mostly text: a page's content stream in the plain seeds (in the others, any stream).
        List<int[]> streams = new ArrayList<>();
        String str = s.toString();
        for (int i = str.indexOf("stream"); i >= 0; i = str.indexOf("stream", i + 6)) {
            if (i >= 3 && str.startsWith("end", i - 3)) {
                continue;
            }
            int from = i + 6;
            int to = str.indexOf("endstream", from);
            if (to < 0) {
                break;
            }
            if (to - from > 20 && printable(str, from, to)) {
                streams.add(new int[] {from, to});
            }
            i = to + 3;
        }
        if (streams.isEmpty()) {
            int at = rnd.nextInt(s.length());
            s.insert(at, CONTENT_OPS[rnd.nextInt(CONTENT_OPS.length)]);
            return;
        }
        int[] st = streams.get(rnd.nextInt(streams.size()));
        int edits = 1 + rnd.nextInt(6);
        for (int k = 0; k < edits; k++) {
            int at = st[0] + rnd.nextInt(st[1] - st[0]);
            switch (rnd.nextInt(5)) {
                case 0, 1 -> s.insert(at, CONTENT_OPS[rnd.nextInt(CONTENT_OPS.length)]);
                case 2 -> s.delete(at, Math.min(st[1], at + 1 + rnd.nextInt(30)));
                case 3 -> s.insert(at, "q ".repeat(1 + rnd.nextInt(3000)));
                default -> {
                    int len = Math.min(st[1] - at, 1 + rnd.nextInt(400));
                    String copy = s.substring(at, at + len);
                    s.insert(at, copy.repeat(1 + rnd.nextInt(20)));
                }
            }
        }
    }

    private static boolean printable(String s, int from, int to) {
        int bad = 0;
        int n = Math.min(to, from + 400);
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            bad += c < 9 || c > 126 ? 1 : 0;
        }
        return bad * 10 < n - from;
    }

    private static void xref(StringBuilder s, Random rnd) {
        int x = s.lastIndexOf("\nxref");
        int t = x < 0 ? -1 : s.indexOf("trailer", x);
        switch (rnd.nextInt(5)) {
            case 0 -> {
                if (x >= 0 && t > x) { // digits of the offsets changed
                    for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                        int at = x + 5 + rnd.nextInt(t - x - 5);
                        if (Character.isDigit(s.charAt(at))) {
                            s.setCharAt(at, (char) ('0' + rnd.nextInt(10)));
                        }
                    }
                }
            }
            case 1 -> {
                if (x >= 0) { // the subsection header: "0 41" to something else
                    int eol = s.indexOf("\n", x + 6);
                    if (eol > 0) {
                        s.replace(x + 6, eol, new String[] {"0 99999999", "0 0", "-5 3", "2147483647 2", "0 1", "a b"}[rnd.nextInt(6)]);
                    }
                }
            }
            case 2 -> {
                int sx = s.lastIndexOf("startxref");
                if (sx >= 0) {
                    int eol = s.indexOf("\n", sx + 10);
                    if (eol > 0) {
                        s.replace(sx + 10, eol, String.valueOf(new long[] {0, 1, -1, 99999999999L, s.length(), rnd.nextInt(s.length())}[rnd.nextInt(6)]));
                    }
                }
            }
            case 3 -> {
                int tr = s.lastIndexOf("trailer");
                int open = tr < 0 ? -1 : s.indexOf("<<", tr);
                if (open >= 0) { // a /Prev loop, a wrong /Root, a huge /Size, an /Encrypt without a handler
                    s.insert(open + 2, new String[] {"/Prev " + x + " ", "/Prev 0 ", "/Root 1 0 R ", "/Size 2147483647 ", "/Encrypt 1 0 R ",
                        "/XRefStm 0 "}[rnd.nextInt(6)]);
                }
            }
            default -> {
                if (x >= 0 && t > x) {
                    s.delete(x, t); // no table at all
                }
            }
        }
    }

    private static final Pattern DICT_KEY = Pattern.compile("/(Count|Kids|Length|Parent|MediaBox|Resources|Contents|Font|Type|Pages|Root|W|Size|Filter|FirstChar|Widths|Encoding|ToUnicode|DescendantFonts)\\b\\s*");

    private static void dictionaryValue(StringBuilder s, Random rnd) {
        Matcher m = DICT_KEY.matcher(s);
        List<int[]> keys = new ArrayList<>();
        while (m.find() && keys.size() < 5000) {
            keys.add(new int[] {m.start(), m.end()});
        }
        if (keys.isEmpty()) {
            return;
        }
        int[] k = keys.get(rnd.nextInt(keys.size()));
        // the value: up to the next key, ">>" or line end (an array kept whole)
        int end = k[1];
        if (end < s.length() && s.charAt(end) == '[') {
            int close = s.indexOf("]", end);
            end = close < 0 ? end : close + 1;
        } else {
            while (end < s.length() && "/>\n\r".indexOf(s.charAt(end)) < 0) {
                end++;
            }
        }
        String value = s.substring(k[1], end);
        String replacement = switch (rnd.nextInt(3)) {
            case 0 -> PDF_VALUES[rnd.nextInt(PDF_VALUES.length)];
            case 1 -> value.startsWith("[") ? "[" + (value.substring(1, value.length() - 1) + " ").repeat(1 + rnd.nextInt(300)) + "]" : value + value;
            default -> "[" + value + " " + value + "]";
        };
        s.replace(k[1], end, replacement + (replacement.endsWith("]") || replacement.endsWith(">>") ? "" : " "));
    }

    private static final Pattern OBJECT = Pattern.compile("(?s)\\n(\\d+) (\\d+) obj\\b.*?endobj");

    private static void duplicateObject(StringBuilder s, Random rnd) {
        Matcher m = OBJECT.matcher(s);
        List<int[]> objs = new ArrayList<>();
        while (m.find() && objs.size() < 5000) {
            objs.add(new int[] {m.start(), m.end()});
        }
        if (objs.size() < 2) {
            return;
        }
        int[] a = objs.get(rnd.nextInt(objs.size()));
        int[] b = objs.get(rnd.nextInt(objs.size()));
        String copy = s.substring(a[0], a[1]);
        if (rnd.nextBoolean()) {
            // the copy under another object's number: two objects claim one number
            copy = copy.replaceFirst("^\\n\\d+ \\d+ obj", "\n" + s.substring(b[0] + 1, s.indexOf(" obj", b[0])) + " obj");
        }
        s.insert(rnd.nextBoolean() ? b[1] : b[0], copy);
    }

    /** A page whose /Contents names its stream many times: much text on one page. */
    private static void repeatedContents(StringBuilder s, Random rnd) {
        Matcher m = Pattern.compile("/Contents\\s*(\\d+ \\d+ R)").matcher(s);
        List<int[]> at = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
            refs.add(m.group(1));
        }
        if (at.isEmpty()) {
            return;
        }
        int i = rnd.nextInt(at.size());
        s.replace(at.get(i)[0], at.get(i)[1], "/Contents [" + (refs.get(i) + " ").repeat(1 + rnd.nextInt(400)) + "]");
    }

    private static final String[] WORD_SNIPPETS = {"<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:p>", "</w:p>",
        "<w:tcPr><w:gridSpan w:val=\"2147483647\"/></w:tcPr>", "<w:tcPr><w:gridSpan w:val=\"-3\"/></w:tcPr>",
        "<w:tcPr><w:gridSpan w:val=\"x\"/></w:tcPr>", "<w:tcPr><w:vMerge/></w:tcPr>", "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>",
        "<w:trPr><w:gridBefore w:val=\"99999999999\"/></w:trPr>", "<w:trPr><w:gridBefore w:val=\"-1\"/></w:trPr>",
        "<w:r><w:t>政府信息公开</w:t></w:r>", "<w:r><w:t>1e400</w:t></w:r>", "<w:r><w:t>-0</w:t></w:r>", "<w:r><w:tab/></w:r>",
        "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:altChunk r:id=\"rId999\"/>", "<w:fldSimple w:instr=\"=1/0\">",
        "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "<!DOCTYPE a>", "<![CDATA[", "]]>", "\"", "'", "\u0000", "\uFFFF",
        "xmlns:w=\"x\"", "<?pi?>", "Target=\"../../../etc/passwd\"", "TargetMode=\"External\"", "Id=\"rId1\""};

    /** An XML part of the .docx mutated, the zip rebuilt valid; deep table nesting now and then. */
    static byte[] docx(byte[] in, Random rnd) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(in))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                parts.put(e.getName(), z.readAllBytes());
            }
        }
        List<String> xml = parts.keySet().stream().filter(k -> k.endsWith(".xml") || k.endsWith(".rels")).toList();
        // word/document.xml most of the time: the tables are there
        String name = rnd.nextInt(3) > 0 && parts.containsKey("word/document.xml") ? "word/document.xml" : xml.get(rnd.nextInt(xml.size()));
        StringBuilder s = new StringBuilder(new String(parts.get(name), StandardCharsets.UTF_8));
        int edits = 1 + rnd.nextInt(4);
        boolean wellFormed = rnd.nextBoolean(); // half the mutants stay well-formed XML, to reach past the parser
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = rnd.nextInt(s.length());
            if (wellFormed) {
                wellFormedEdit(s, rnd);
                continue;
            }
            switch (rnd.nextInt(6)) {
                case 0, 1 -> s.insert(at, WORD_SNIPPETS[rnd.nextInt(WORD_SNIPPETS.length)]);
                case 2 -> s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(40)));
                case 3 -> s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                case 4 -> {
                    int len = Math.min(s.length() - at, 1 + rnd.nextInt(2000));
                    s.insert(at, s.substring(at, at + len).repeat(1 + rnd.nextInt(5)));
                }
                default -> {
                    int tc = nth(s, "<w:tc>", rnd);
                    if (tc >= 0) {
                        int depth = 1 + rnd.nextInt(300);
                        s.insert(tc + 6, "<w:tbl><w:tr><w:tc>".repeat(depth) + "<w:p><w:r><w:t>1</w:t></w:r></w:p>"
                                + (rnd.nextBoolean() ? "</w:tc></w:tr></w:tbl>".repeat(depth) : ""));
                    }
                }
            }
        }
        parts.put(name, s.toString().getBytes(StandardCharsets.UTF_8));
        return TestSupport.zip(parts);
    }

    private static final String[] WORD_ELEMENTS = {"<w:p/>", "<w:p><w:r><w:t>1</w:t></w:r></w:p>", "<w:r><w:t xml:space=\"preserve\"> 12 </w:t></w:r>",
        "<w:tc><w:p/></w:tc>", "<w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr><w:p/></w:tc>",
        "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>9</w:t></w:r></w:p></w:tc>", "<w:tr><w:tc><w:p/></w:tc></w:tr>",
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "<w:r><w:br/></w:r>",
        "<w:r><w:tab/></w:r>", "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>", "<w:proofErr w:type=\"spellStart\"/>"};
    private static final String[] WORD_VALUES = {"0", "-1", "2147483647", "99999999999999999999", "", "x", "1.5", "restart", "continue", "auto"};
    private static final Pattern WORD_VALUE = Pattern.compile("w:(val|w|type|gridSpan)=\"([^\"]*)\"");

    /** A change that keeps the XML well-formed: an element inserted at an element boundary, an element removed or copied, a value changed. */
    private static void wellFormedEdit(StringBuilder s, Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                int at = nth(s, rnd.nextBoolean() ? "<w:tc>" : "<w:p>", rnd);
                if (at >= 0) {
                    s.insert(at, WORD_ELEMENTS[rnd.nextInt(WORD_ELEMENTS.length)]);
                }
            }
            case 1, 2 -> { // a whole cell, row or paragraph removed, or copied beside itself
                String[] tags = {"w:tc", "w:tr", "w:p", "w:r", "w:tcPr", "w:tblGrid"};
                String tag = tags[rnd.nextInt(tags.length)];
                int from = nth(s, "<" + tag + ">", rnd);
                int to = from < 0 ? -1 : s.indexOf("</" + tag + ">", from);
                if (to > from && s.indexOf("<" + tag + ">", from + 1) > to || to > from && tag.equals("w:r")) {
                    to += tag.length() + 3;
                    if (rnd.nextBoolean()) {
                        s.delete(from, to);
                    } else {
                        s.insert(to, s.substring(from, to).repeat(1 + rnd.nextInt(3)));
                    }
                }
            }
            default -> {
                Matcher m = WORD_VALUE.matcher(s);
                List<int[]> at = new ArrayList<>();
                while (m.find() && at.size() < 5000) {
                    at.add(new int[] {m.start(2), m.end(2)});
                }
                if (!at.isEmpty()) {
                    int[] v = at.get(rnd.nextInt(at.size()));
                    s.replace(v[0], v[1], WORD_VALUES[rnd.nextInt(WORD_VALUES.length)]);
                }
            }
        }
    }

    private static final String[] HTML_SNIPPETS = {"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>",
        "<td rowspan=\"99999\">", "<td colspan=\"2147483647\">", "<td rowspan=\"-1\" colspan=\"0\">", "<td colspan=\"1e3\">",
        "<td rowspan=\"500\" colspan=\"100\">x</td>", "<td>1e400</td>", "<td>-0</td>", "<td>１２３</td>", "<td>&nbsp;</td>",
        "<br>", "<p>", "</p>", "<div>", "</div>", "<span>", "<o:p>", "</o:p>", "<!--", "-->", "<script>", "</script>", "<style>",
        "<textarea>", "<plaintext>", "<template>", "<svg><foreignObject>", "<math>", "<frameset>", "<select>", "<noscript>",
        "&#x110000;", "&#0;", "&#xD800;", "&nbsp", "&", "<", ">", "<![CDATA[", "]]>", "\u0000", "\uFFFF", "\uFEFF", "\r", "\f",
        "<meta charset=\"utf-16\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-bogus\">",
        "<table><tr><td><table><tr><td>", "政府信息公开", "一、本年新收政府信息公开申请数量"};
    private static final String[] CHARSETS = {"utf-16", "utf-16le", "UTF-32", "x-bogus", "", "ibm037", "utf-7", "ISO-2022-JP",
        "hz-gb-2312", "big5", "gb18030", "gbk", "GB2312", "us-ascii", "iso-8859-1", "windows-1252", "..", "-", "x".repeat(300),
        "utf-8\u0000", "cp936", "euc-cn", "x-IBM1383"};

    /** Markup mutated: snippets, closing tags taken out, elements nested deep, the declared charset changed. */
    static byte[] html(byte[] in, Random rnd) {
        String page = cn.nianbao.util.Decoding.decode(in);
        StringBuilder s = new StringBuilder(page);
        int edits = 1 + rnd.nextInt(5);
        Charset out = StandardCharsets.UTF_8;
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = rnd.nextInt(s.length());
            switch (rnd.nextInt(8)) {
                case 0, 1 -> s.insert(at, HTML_SNIPPETS[rnd.nextInt(HTML_SNIPPETS.length)]);
                case 2 -> s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(60)));
                case 3 -> { // closing tags taken out: unclosed cells, rows, tables
                    String[] closers = {"</td>", "</tr>", "</table>", "</div>", "</p>", "</tbody>", "</span>"};
                    String c = closers[rnd.nextInt(closers.length)];
                    for (int k = 0, n = 1 + rnd.nextInt(50); k < n; k++) {
                        int x = nth(s, c, rnd);
                        if (x < 0) {
                            break;
                        }
                        s.delete(x, x + c.length());
                    }
                }
                case 4 -> { // deep nesting
                    String[] open = {"<div>", "<span>", "<table><tr><td>", "<b>", "<td>", "<tr>", "<ul><li>"};
                    s.insert(at, open[rnd.nextInt(open.length)].repeat(1 + rnd.nextInt(5000)));
                }
                case 5 -> { // the declared charset
                    String cs = CHARSETS[rnd.nextInt(CHARSETS.length)];
                    Matcher m = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]*)").matcher(s);
                    if (m.find() && rnd.nextBoolean()) {
                        s.replace(m.start(1), m.end(1), cs);
                    } else {
                        s.insert(0, "<meta charset=\"" + cs + "\">");
                    }
                }
                case 6 -> {
                    int len = Math.min(s.length() - at, 1 + rnd.nextInt(3000));
                    s.insert(at, s.substring(at, at + len).repeat(1 + rnd.nextInt(5)));
                }
                default -> out = new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030"), StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1}[rnd.nextInt(5)];
            }
        }
        byte[] b = s.toString().getBytes(out);
        return rnd.nextInt(5) == 0 ? TestSupport.mutateBytes(b, rnd) : b;
    }

    /** A saved .mhtml mutated: its boundaries, transfer encodings, charsets and base64 data broken, or its page's markup. */
    static byte[] mhtml(byte[] in, Random rnd) {
        String msg = new String(in, StandardCharsets.ISO_8859_1);
        Matcher bm = Pattern.compile("boundary=\"?([^\"\\r\\n;]+)").matcher(msg);
        String boundary = bm.find() ? bm.group(1) : "----";
        StringBuilder s = new StringBuilder(msg);
        int edits = 1 + rnd.nextInt(3);
        for (int i = 0; i < edits; i++) {
            switch (rnd.nextInt(9)) {
                case 0 -> { // a boundary line changed or cut
                    int at = nth(s, "--" + boundary, rnd);
                    if (at >= 0) {
                        int p = at + 2 + rnd.nextInt(boundary.length());
                        if (rnd.nextBoolean()) {
                            s.setCharAt(p, (char) ('A' + rnd.nextInt(26)));
                        } else {
                            s.delete(at, at + 2 + boundary.length());
                        }
                    }
                }
                case 1 -> { // the closing boundary gone, or the header's boundary changed
                    int close = s.lastIndexOf("--" + boundary + "--");
                    if (close >= 0 && rnd.nextBoolean()) {
                        s.delete(close, s.length());
                    } else if (bm.find(0)) {
                        s.replace(bm.start(1), bm.end(1), new String[] {"", "x", boundary + boundary, "\"", " "}[rnd.nextInt(5)]);
                    }
                }
                case 2 -> { // base64 junk inside a base64 part
                    int at = nth(s, "base64", rnd);
                    int body = at < 0 ? -1 : s.indexOf("\r\n\r\n", at);
                    if (body >= 0 && body + 10 < s.length()) {
                        int p = body + 4 + rnd.nextInt(Math.min(4000, s.length() - body - 4));
                        String[] junk = {"!!!!", "====", "=", "\u00ff\u00fe", "\r\n\r\n", "-", "AAAA".repeat(1 + rnd.nextInt(20000)), "%", "\u0000"};
                        s.insert(p, junk[rnd.nextInt(junk.length)]);
                    }
                }
                case 3 -> { // quoted-printable junk
                    int at = nth(s, "quoted-printable", rnd);
                    int body = at < 0 ? -1 : s.indexOf("\r\n\r\n", at);
                    if (body >= 0 && body + 10 < s.length()) {
                        int p = body + 4 + rnd.nextInt(Math.min(20000, s.length() - body - 4));
                        s.insert(p, new String[] {"=ZZ", "=", "=\r\n", "=0", "=E6=94", "=FF=FE", "\u00e6"}[rnd.nextInt(7)]);
                    }
                }
                case 4 -> { // the transfer encoding swapped or made up
                    String[] cte = {"quoted-printable", "base64"};
                    int at = nth(s, cte[rnd.nextInt(2)], rnd);
                    if (at >= 0) {
                        String with = new String[] {"base64", "quoted-printable", "binary", "x-uuencode", "7bit", "bogus", "uuencode"}[rnd.nextInt(7)];
                        s.replace(at, s.indexOf("\r", at) < 0 ? s.length() : s.indexOf("\r", at), with);
                    }
                }
                case 5 -> { // the part's charset
                    int at = nth(s, "charset=", rnd);
                    if (at >= 0) {
                        int e = at + 8;
                        while (e < s.length() && s.charAt(e) != '\r' && s.charAt(e) != ';') {
                            e++;
                        }
                        s.replace(at + 8, e, CHARSETS[rnd.nextInt(CHARSETS.length)]);
                    }
                }
                case 6 -> { // the content type of the parts
                    int at = nth(s, "Content-Type: ", rnd);
                    if (at >= 0) {
                        int e = s.indexOf(";", at) < 0 ? at + 14 : Math.min(s.indexOf(";", at), s.indexOf("\r", at) < 0 ? s.length() : s.indexOf("\r", at));
                        s.replace(at + 14, Math.max(at + 14, e), new String[] {"text/plain", "multipart/related", "multipart/mixed",
                            "text/html", "message/rfc822", "", "application/octet-stream"}[rnd.nextInt(7)]);
                    }
                }
                case 7 -> { // parts nested in parts
                    int at = nth(s, "--" + boundary + "\r\n", rnd);
                    if (at >= 0) {
                        int depth = 1 + rnd.nextInt(50);
                        StringBuilder nest = new StringBuilder();
                        for (int d = 0; d < depth; d++) {
                            nest.append("--").append(boundary).append("\r\nContent-Type: multipart/related; boundary=\"").append(boundary)
                                    .append("\"\r\n\r\n");
                        }
                        s.insert(at, nest);
                    }
                }
                default -> { // header or body text edited
                    int at = rnd.nextInt(s.length());
                    String[] junk = {"\r\n", "\r\n\r\n", ":", ";", "\"", "=?utf-8?B?5pS/?=", "Content-Type: text/html\r\n",
                        "MIME-Version: 1.0\r\n", "\u0000", "<table><tr><td>", "</td></tr></table>"};
                    s.insert(at, junk[rnd.nextInt(junk.length)]);
                }
            }
        }
        byte[] b = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        return rnd.nextInt(6) == 0 ? TestSupport.mutateBytes(b, rnd) : b;
    }

    /** Text mutated as bytes: invalid UTF-8, byte-order marks, UTF-16 with and without one, GBK halves, control bytes, long lines. */
    static byte[] text(byte[] in, Random rnd) {
        String t = cn.nianbao.util.Decoding.decode(in);
        byte[] b = in;
        int edits = 1 + rnd.nextInt(3);
        for (int i = 0; i < edits; i++) {
            switch (rnd.nextInt(9)) {
                case 0 -> b = TestSupport.mutateBytes(b, rnd);
                case 1 -> b = insert(b, rnd.nextInt(b.length + 1), new byte[][] {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE6, (byte) 0x94},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}}[rnd.nextInt(7)]);
                case 2 -> b = insert(b, 0, new byte[][] {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    {(byte) 0xFF, (byte) 0xFE, 0, 0}, {0, 0, (byte) 0xFE, (byte) 0xFF}, {(byte) 0x2B, (byte) 0x2F, (byte) 0x76}}[rnd.nextInt(6)]);
                case 3 -> { // UTF-16 with or without a mark, sometimes cut at an odd byte
                    Charset cs = rnd.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
                    b = t.getBytes(cs);
                    if (rnd.nextBoolean()) {
                        b = insert(b, 0, cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
                    }
                    if (rnd.nextBoolean()) {
                        b = java.util.Arrays.copyOf(b, (rnd.nextInt(b.length) | 1));
                    }
                }
                case 4 -> { // GBK, and half characters: a lead byte alone, a cut in the middle
                    b = t.getBytes(Charset.forName("GB18030"));
                    for (int k = 0, n = 1 + rnd.nextInt(10); k < n; k++) {
                        b = insert(b, rnd.nextInt(b.length + 1), new byte[] {(byte) (0x81 + rnd.nextInt(0x7E))});
                    }
                    if (rnd.nextBoolean()) {
                        b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                    }
                }
                case 5 -> b = insert(b, rnd.nextInt(b.length + 1), new byte[][] {{0}, {'\f'}, {'\r'}, {0x1B}, {0x7F}, {'\t', '\t', '\t'},
                    {'|', '|'}, "\u3000".getBytes(StandardCharsets.UTF_8), "第3页 共10页\n".getBytes(StandardCharsets.UTF_8),
                    "— 2 —\f".getBytes(StandardCharsets.UTF_8), "1e400\t-0\t９９\n".getBytes(StandardCharsets.UTF_8)}[rnd.nextInt(11)]);
                case 6 -> { // one line repeated, or the line breaks taken out
                    String s = new String(b, StandardCharsets.ISO_8859_1);
                    if (rnd.nextBoolean()) {
                        int nl = s.indexOf('\n', rnd.nextInt(Math.max(1, s.length())));
                        int prev = nl < 0 ? -1 : s.lastIndexOf('\n', nl - 1);
                        if (nl > 0) {
                            String line = s.substring(prev + 1, nl + 1);
                            // up to 300 times, and at most 1 MB more: long texts are refused by length, not read
                            s = s.substring(0, nl + 1) + line.repeat(1 + rnd.nextInt(Math.max(1, Math.min(300, 1_000_000 / line.length()))))
                                    + s.substring(nl + 1);
                        }
                    } else {
                        s = s.replace("\n", rnd.nextBoolean() ? "" : "\t").replace("\r", "");
                    }
                    b = s.getBytes(StandardCharsets.ISO_8859_1);
                }
                case 7 -> b = bytes(b.length == 0 ? new byte[] {'x'} : b, rnd);
                default -> { // markup in a text file: read as a page
                    b = insert(b, rnd.nextInt(b.length + 1), "<table><tr><td>".getBytes(StandardCharsets.UTF_8));
                }
            }
            if (b.length == 0) {
                b = new byte[] {'\n'};
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
