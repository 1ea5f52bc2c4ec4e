package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library example of README.md (section “As a library”), taken from README.md itself: its
 * import lines go to the top of a generated class, its statements into that class's main method;
 * it is compiled with the JDK's compiler against the test class path and run in a child JVM
 * whose working folder holds a filled report, 已填报.xlsx. Whatever the README says, this runs.
 */
class ReadmeExampleTest {
    private static final String SECTION = "As a library";
    private static final String CODE = "11330800002618736G";

    @TempDir
    Path dir;

    /** The first ```java block after the heading that names {@link #SECTION}. */
    static List<String> readmeExample() throws IOException {
        List<String> lines = Files.readAllLines(TestSupport.repo().resolve("README.md"), StandardCharsets.UTF_8);
        int heading = -1;
        for (int i = 0; i < lines.size() && heading < 0; i++) {
            if (lines.get(i).startsWith("#") && lines.get(i).contains(SECTION)) {
                heading = i;
            }
        }
        assertThat(heading).as("README.md has a section “" + SECTION + "”").isNotNegative();
        int open = heading + 1;
        while (open < lines.size() && !lines.get(open).strip().equals("```java")) {
            assertThat(lines.get(open)).as("the example is in its own section").doesNotStartWith("## ");
            open++;
        }
        assertThat(open).as("a ```java block in the section").isLessThan(lines.size());
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).strip().equals("```")) {
            close++;
        }
        assertThat(close).as("the ```java block is closed").isLessThan(lines.size());
        return lines.subList(open + 1, close);
    }

    /** The example as a class: its imports on top, its statements in {@code main}. */
    static String asClass(List<String> example, String name) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String l : example) {
            (l.startsWith("import ") ? imports : body).append(l.startsWith("import ") ? l : "        " + l).append('\n');
        }
        return imports + "\npublic class " + name + " {\n    public static void main(String[] args) throws Exception {\n"
                + body + "    }\n}\n";
    }

    @Test
    void theReadmeExampleCompilesAndRunsAsWritten() throws Exception {
        String source = asClass(readmeExample(), "ReadmeExample");
        Path src = Files.createDirectories(dir.resolve("src")).resolve("ReadmeExample.java");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-encoding", "UTF-8", "-classpath", classpath, "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.toFile())).call();
        assertThat(compiled).as("README's example must compile as written:\n" + diagnostics + "\n" + source).isTrue();

        // The folder it runs in: a filled report with a blank cell and an unbalanced column.
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, BigDecimal> values = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        values.put("t3.received.natural", new BigDecimal("5"));
        values.put("t3.disclosed.natural", new BigDecimal("3"));
        values.remove("t4.review.pending");
        Path filled = TestSupport.filled(TestSupport.request("2021", 2024, "衢州市应急管理局", CODE), values,
                work.resolve("已填报.xlsx"));

        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-Dorg.apache.logging.log4j.simplelog.level=OFF",
                "-cp", classes + File.pathSeparator + classpath, "ReadmeExample");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out + err).isZero();

        // It printed every finding of 已填报.xlsx, each as "RULE message" ...
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(filled);
        List<Finding> all = new ArrayList<>(r.filing().findings());
        all.addAll(Checker.check(r.filing()));
        assertThat(all).extracting(Finding::ruleId).containsExactly("V7", "R1", "R1");
        assertThat(out.lines().toList()).as(err)
                .containsExactlyElementsOf(all.stream().map(x -> x.ruleId() + " " + x.message()).toList());
        // ... and wrote a locked template for 衢州市应急管理局, 2024, with its password.
        Path template = work.resolve("衢州市应急管理局-2024.xlsx");
        ReadResult t = new WorkbookReader(TestSupport.FORMATS).read(template);
        assertThat(t.readable()).as(t.reason()).isTrue();
        Filing f = t.filing();
        assertThat(f.agency()).isEqualTo("衢州市应急管理局");
        assertThat(f.identity().code()).isEqualTo(CODE);
        assertThat(f.year()).isEqualTo(2024);
        assertThat(f.spec().id()).isEqualTo("2021");
        assertThat(f.value("t3.received.natural").number()).as("blank, not 0").isNull();
        try (XSSFWorkbook wb = new XSSFWorkbook(template.toFile())) {
            assertThat(wb.isStructureLocked()).isTrue();
            assertThat(wb.getSheet(TestSupport.FORMATS.get("2021").table("t3").sheet()).validateSheetPassword("口令")).isTrue();
        }
    }
}
