package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * What a workbook looks like when opened or printed: converted by real headless LibreOffice (a private
 * profile per call), rasterised by poppler's pdftoppm, its text taken by pdftotext. Without these tools
 * a test is skipped with the reason, except in CI (env CI set), where that is a failure.
 */
public final class Rendering {
    private Rendering() {
    }

    /** The path of the named program on PATH; aborts (or, in CI, fails) the test when it is missing. */
    public static String tool(String name, String install) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        if (System.getenv("CI") != null) {
            fail(name + " is not installed; " + install);
        }
        Assumptions.abort(name + " not installed: " + install);
        return null;
    }

    public static String soffice() {
        return tool("soffice", "apt-get install libreoffice-calc-nogui");
    }

    /** Converts {@code in} with LibreOffice ({@code target} as for --convert-to, e.g. "pdf", "csv") into {@code outDir}. */
    public static Path convert(Path in, String target, Path outDir) throws IOException, InterruptedException {
        String soffice = soffice();
        Files.createDirectories(outDir);
        Path profile = Files.createTempDirectory("nianbao-lo-");
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        try {
            Process p = new ProcessBuilder(soffice, "--headless", "--norestore",
                    "-env:UserInstallation=" + profile.toUri(),
                    "--convert-to", target, "--outdir", outDir.toString(), in.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("LibreOffice did not finish converting " + in);
            }
            String name = in.getFileName().toString();
            String base = name.substring(0, name.lastIndexOf('.'));
            String ext = "." + (target.contains(":") ? target.substring(0, target.indexOf(':')) : target);
            Path out = outDir.resolve(base + ext);
            if (!Files.exists(out)) {
                // One sheet of several as text is written as base-SheetName.csv.
                try (Stream<Path> list = Files.list(outDir)) {
                    List<Path> sheets = list.filter(f -> f.getFileName().toString().startsWith(base + "-")
                            && f.getFileName().toString().endsWith(ext)).toList();
                    if (sheets.size() == 1) {
                        out = sheets.get(0);
                    }
                }
            }
            assertThat(out).as(Files.readString(log)).exists();
            return out;
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(log);
        }
    }

    /**
     * Converts several files in one LibreOffice run (as {@link #convert}, one start-up for all);
     * returns the converted files in input order. The inputs' names must differ.
     */
    public static List<Path> convertAll(List<Path> in, String target, Path outDir) throws IOException, InterruptedException {
        String soffice = soffice();
        Files.createDirectories(outDir);
        Path profile = Files.createTempDirectory("nianbao-lo-");
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        try {
            List<String> cmd = new ArrayList<>(List.of(soffice, "--headless", "--norestore",
                    "-env:UserInstallation=" + profile.toUri(), "--convert-to", target, "--outdir", outDir.toString()));
            in.forEach(p -> cmd.add(p.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("LibreOffice did not finish converting " + in);
            }
            String ext = "." + (target.contains(":") ? target.substring(0, target.indexOf(':')) : target);
            List<Path> out = new ArrayList<>();
            for (Path f : in) {
                String name = f.getFileName().toString();
                Path o = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + ext);
                assertThat(o).as(Files.readString(log)).exists();
                out.add(o);
            }
            return out;
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(log);
        }
    }

    /** Page {@code page} (1-based) of a PDF as an image, at {@code dpi}. */
    public static BufferedImage page(Path pdf, int page, int dpi) throws IOException, InterruptedException {
        String pdftoppm = tool("pdftoppm", "apt-get install poppler-utils");
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-p" + page);
        Process p = new ProcessBuilder(pdftoppm, "-png", "-r", String.valueOf(dpi), "-f", String.valueOf(page),
                "-l", String.valueOf(page), "-singlefile", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
        Path png = Path.of(prefix + ".png");
        assertThat(png).as(log).exists();
        return ImageIO.read(png.toFile());
    }

    /** The text of a PDF, laid out as on the page (pdftotext -layout). */
    public static String text(Path pdf) throws IOException, InterruptedException {
        String pdftotext = tool("pdftotext", "apt-get install poppler-utils");
        Process p = new ProcessBuilder(pdftotext, "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pdftotext finished").isTrue();
        return text;
    }

    /** A pixel a reader sees as coloured: neither white nor a grey (black text, grey fills and lines). */
    public static boolean coloured(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 30;
    }

    /** How many pixels of {@code img} in rows [y0, y1) are near {@code rgb} (each channel within 12). */
    public static int count(BufferedImage img, int y0, int y1, int rgb) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(img.getRGB(x, y), rgb)) {
                    n++;
                }
            }
        }
        return n;
    }

    public static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
