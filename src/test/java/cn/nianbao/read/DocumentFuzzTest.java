package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.read.source.Documents;
import cn.nianbao.read.source.UnreadableDocument;
import cn.nianbao.report.Imports;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random mutator over the published reports of fixtures/corpus/, form by form: PDF (bytes
 * flipped, cut short, page content streams and the cross-reference table edited as text, objects
 * duplicated), .docx (XML parts mutated inside a valid zip, raw bytes), .doc (bytes, blocks, splices),
 * .html and .mhtml (markup snippets, unclosed tags, deep nesting, bad charsets, broken MIME
 * boundaries, base64 junk) and text (bytes, invalid UTF-8, byte-order marks, UTF-16, GBK halves).
 * Each input is read as {@code nianbao import} reads it ({@link Imports#read}) under a watchdog: the
 * answer is a reading or 无法读取 with a Chinese reason that names no Java class, quotes no parser's
 * English and did not come from a reader's last-resort catch (a crash the safety net hid); an
 * exception, or a read taking longer than {@code -Dfuzz.limit} seconds (20: a hang guard, not a
 * timing target), fails the test with the seed, the input and its form.
 * The forms take turns, so each gets the same number of inputs; runs for {@code -Dfuzz.seconds}
 * (12 by default, so that with the corpus's set-up it stays within some 20 s in CI) and at least
 * {@link #MIN_RUNS} inputs, from {@code -Dfuzz.seed}. A failure names its seed, input and form, and
 * leaves the input beside the test's temporary folder (document-fuzz-failure-*).
 */
class DocumentFuzzTest {
    /** At least this many inputs, whatever the time budget: 17 of each form. */
    static final int MIN_RUNS = 102;

    enum Form {
        PDF("pdf"), DOCX("docx"), DOC("doc"), HTML("html"), MHTML("mhtml"), TEXT("txt");

        final String ext;

        Form(String ext) {
            this.ext = ext;
        }
    }

    private record Seed(String name, byte[] bytes) {
    }

    /** A reason a reader's last-resort catch gives: an exception the reader did not expect, not a judgement of the file. */
    private static final Pattern SAFETY_NET = Pattern.compile("^(?:无法读取：|按标签读取时出错|读取工作簿时出错)|不是可以读取的Excel工作簿[^：]*：(?:无法读取：|按标签读取时出错)");
    private static final Pattern JAVA_NAME = Pattern.compile("(?:java|javax|jakarta|org|com|cn)\\.[a-z]+\\.|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b|\\bat [a-z]+\\.");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** The names of forms and programs a Chinese reason may use; any other word of English is a parser's message let through. */
    private static final Pattern NAMES = Pattern.compile("Word|WPS|Excel|PowerPoint|PDF|XML|OFD|RTF|MIME|UTF|GBK|CSV|zip|RAR|Outlook|text/html|\\.[a-z]{3,5}\\b");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

    @TempDir
    Path dir;

    private final ExecutorService watchdog = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "document-fuzz");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    @Test
    void noPublishedReportMakesTheReaderThrowOrHang() throws Exception {
        long seconds = Long.getLong("fuzz.seconds", 12);
        long seed = Long.getLong("fuzz.seed", 20261128);
        long limit = Long.getLong("fuzz.limit", 20);
        Map<Form, List<Seed>> seeds = seeds();
        Random rnd = new Random(seed);
        Imports imports = new Imports(TestSupport.FORMATS);
        Form[] forms = Form.values();
        Map<Form, long[]> counts = new EnumMap<>(Form.class); // inputs, readable, ms reading
        for (Form f : forms) {
            counts.put(f, new long[3]);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int runs = 0;
        List<AssertionError> failures = new ArrayList<>();
        while (System.nanoTime() < end || runs < MIN_RUNS) {
            Form form = forms[runs % forms.length];
            List<Seed> pool = seeds.get(form);
            Seed s = pool.get(rnd.nextInt(pool.size()));
            long caseSeed = rnd.nextLong();
            byte[] mutated = DocumentMutator.mutate(form, s.bytes(), new Random(caseSeed));
            Path file = dir.resolve(s.name());
            Files.write(file, mutated);
            String where = "input " + runs + " (" + form + " from " + s.name() + ", -Dfuzz.seed=" + seed + ", case " + caseSeed + ")";
            Future<ReadResult> read = watchdog.submit(() -> {
                ReadResult r = imports.read(file, LabelReader.Hints.NONE);
                if (r.readable()) {
                    Checker.all(r);
                }
                return r;
            });
            ReadResult r;
            long started = System.nanoTime();
            try {
                r = read.get(limit, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                read.cancel(true);
                failures.add(new AssertionError(where + " was still being read after " + limit + " s; the input is "
                        + keep(mutated, form, caseSeed)));
                break; // the reading thread may not stop: no more inputs after a hang
            } catch (ExecutionException e) {
                failures.add(new AssertionError(where + " made the reader throw; the input is " + keep(mutated, form, caseSeed), e.getCause()));
                r = null;
            }
            if (r != null && !r.readable()) {
                String reason = r.reason();
                if (reason == null || !CJK.matcher(reason).find() || JAVA_NAME.matcher(reason).find()
                        || SAFETY_NET.matcher(reason).find() || ENGLISH.matcher(NAMES.matcher(reason).replaceAll("")).find()) {
                    failures.add(new AssertionError(where + " is unreadable for a reason that is no judgement of the file: " + reason
                            + "; the input is " + keep(mutated, form, caseSeed), cause(file)));
                }
            }
            if (failures.size() >= 10) {
                break;
            }
            counts.get(form)[0]++;
            counts.get(form)[1] += r != null && r.readable() ? 1 : 0;
            counts.get(form)[2] += (System.nanoTime() - started) / 1_000_000;
            runs++;
        }
        StringBuilder summary = new StringBuilder("document fuzz, seed " + seed + ": " + runs + " inputs;");
        for (Form f : forms) {
            long[] c = counts.get(f);
            summary.append(' ').append(f).append(' ').append(c[0]).append(" (").append(c[1]).append(" read, ")
                    .append(c[0] == 0 ? 0 : c[2] / c[0]).append(" ms each)");
        }
        System.out.println(summary);
        if (!failures.isEmpty()) {
            AssertionError all = new AssertionError(failures.size() + " of " + runs + " inputs failed (" + summary + "):\n"
                    + failures.stream().map(Throwable::getMessage).collect(java.util.stream.Collectors.joining("\n")), failures.get(0).getCause());
            failures.stream().skip(1).forEach(all::addSuppressed);
            throw all;
        }
        assertThat(runs).isGreaterThanOrEqualTo(MIN_RUNS);
        for (Form f : forms) {
            // Some mutants of each form still read: the mutator reaches past the first check into the readers.
            assertThat(counts.get(f)[1]).as(f + " mutants read, of " + counts.get(f)[0] + "; " + summary).isPositive();
        }
    }

    /** What the reader behind the public entry point throws for {@code file}, to see the crash a reason hid. */
    private static Throwable cause(Path file) {
        try {
            Documents.read(file);
            return null;
        } catch (UnreadableDocument e) {
            return null;
        } catch (Exception | Error e) {
            return e;
        }
    }

    private String keep(byte[] input, Form form, long caseSeed) throws IOException {
        Path p = dir.getParent().resolve("document-fuzz-failure-" + caseSeed + "." + form.ext);
        Files.write(p, input);
        return p.toString();
    }

    // ---------------------------------------------------------------- seeds

    private static Map<Form, List<Seed>> seeds() throws IOException {
        Map<Form, List<Seed>> seeds = new EnumMap<>(Form.class);
        for (Form f : Form.values()) {
            seeds.put(f, new ArrayList<>());
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(TestSupport.fixtures().resolve("corpus"))) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path d : dirs) {
            List<Path> files;
            try (Stream<Path> s = Files.list(d)) {
                files = s.sorted().toList();
            }
            for (Path p : files) {
                String name = p.getFileName().toString();
                // Named as a user would: the agency and year in the name, as most reports are saved.
                String as = d.getFileName() + "-" + name;
                byte[] bytes = Files.readAllBytes(p);
                Form form = name.endsWith(".pdf") ? Form.PDF : name.endsWith(".docx") ? Form.DOCX : name.endsWith(".doc") ? Form.DOC
                        : name.endsWith(".html") ? Form.HTML : name.endsWith(".txt") ? Form.TEXT : null;
                if (form == null) {
                    continue;
                }
                seeds.get(form).add(new Seed(as, bytes));
                if (form == Form.PDF && name.equals("report.pdf")) {
                    // The same PDF with its page content streams and cross-reference table as plain text, to edit.
                    seeds.get(form).add(new Seed(as.replace(".pdf", "-plain.pdf"), plainPdf(bytes)));
                }
                if (form == Form.HTML) {
                    seeds.get(Form.MHTML).add(new Seed(as.replace(".html", ".mhtml"), mhtml(bytes, seeds.get(Form.MHTML).size())));
                }
            }
        }
        for (Form f : Form.values()) {
            assertThat(seeds.get(f)).as("corpus files of form " + f).isNotEmpty();
        }
        return seeds;
    }

    /** A PDF rewritten with its pages' content streams unfiltered and no object streams: text to edit. */
    private static byte[] plainPdf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                byte[] content;
                try (var in = page.getContents()) {
                    content = in.readAllBytes();
                }
                PDStream plain = new PDStream(doc);
                try (var out = plain.createOutputStream()) {
                    out.write(content);
                }
                page.setContents(plain);
            }
            doc.getDocument().setIsXRefStream(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** A page saved as .mhtml the ways browsers and Word do: quoted-printable or base64, UTF-8 or GBK, with a picture beside it. */
    private static byte[] mhtml(byte[] html, int n) throws IOException {
        try {
            String page = cn.nianbao.util.Decoding.decode(html);
            boolean gbk = n % 2 == 1;
            if (gbk) {
                page = page.replaceAll("(?i)charset\\s*=\\s*[\"']?utf-8", "charset=gbk");
            }
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            if (n % 3 == 0) {
                m.setHeader("From", "<Saved by Blink>");
                m.setHeader("Snapshot-Content-Location", "http://www.example.gov.cn/art/2024/1/1/art_1.html");
            }
            m.setSubject("政府信息公开工作年度报告", "UTF-8");
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(page, gbk ? "gbk" : "utf-8", "html");
            body.setHeader("Content-Transfer-Encoding", n % 4 < 2 ? "quoted-printable" : "base64");
            body.setHeader("Content-Location", "http://www.example.gov.cn/art/2024/1/1/art_1.html");
            related.addBodyPart(body);
            MimeBodyPart picture = new MimeBodyPart();
            byte[] png = new byte[3000];
            new Random(n).nextBytes(png);
            picture.setContent(png, "image/png");
            picture.setHeader("Content-Transfer-Encoding", "base64");
            picture.setHeader("Content-Location", "http://www.example.gov.cn/images/logo.png");
            related.addBodyPart(picture);
            m.setContent(related);
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (jakarta.mail.MessagingException e) {
            throw new IOException(e);
        }
    }
}
