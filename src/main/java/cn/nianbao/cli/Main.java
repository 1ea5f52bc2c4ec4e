package cn.nianbao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** Entry point: builds the command line and maps every failure to an exit code in one place. */
public final class Main {
    /** picocli's own parts of every --help in Chinese (headings, -h/-V, the help command). */
    private static final String USAGE_HELP = "UsageHelp.properties";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, null, null));
    }

    /** Runs nianbao; {@code out}/{@code err} null means the console. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Map.of());
    }

    /**
     * Runs nianbao with subcommands the production jar does not ship (the bench jar adds
     * {@code bench}), under the same help, handlers and exit codes.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, Object> extraSubcommands) {
        // POI logs through log4j-api; without this it complains that no logging backend is present.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        // POI logs every XML error of a broken file with a stack trace; the findings already say
        // what is wrong, in Chinese, so its log stays off.
        if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
        return run(new NianbaoCommand(), extraSubcommands, args, out, err);
    }

    /**
     * Runs {@code command} as nianbao runs its root command. Whatever escapes picocli's handlers
     * (an error while building the command line, an {@link Error} such as running out of memory)
     * is still an internal error with exit code 3, never the JVM's exit code 1, which means findings.
     */
    static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
        return run(command, Map.of(), args, out, err);
    }

    private static int run(Object command, Map<String, Object> extraSubcommands, String[] args, PrintWriter out,
                           PrintWriter err) {
        PrintWriter e = err;
        try {
            CommandLine cl = commandLine(command, extraSubcommands);
            if (out != null) {
                cl.setOut(out);
            }
            if (err != null) {
                cl.setErr(err);
            }
            e = cl.getErr();
            return cl.execute(args);
        } catch (Exception | Error ex) {
            if (e == null) {
                e = new PrintWriter(System.err, true);
            }
            return internalError(e, ex);
        }
    }

    static CommandLine commandLine() {
        return commandLine(new NianbaoCommand(), Map.of());
    }

    private static CommandLine commandLine(Object command, Map<String, Object> extraSubcommands) {
        CommandLine cl = new CommandLine(command);
        extraSubcommands.forEach(cl::addSubcommand);
        cl.setResourceBundle(usageHelp());
        // Subcommands have -V (mixinStandardHelpOptions) but no version of their own: they say nianbao's.
        CommandSpec root = cl.getCommandSpec();
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.version().length == 0 && root.versionProvider() != null) {
                spec.versionProvider(root.versionProvider());
            }
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (cn.nianbao.util.IoErrors.ioCause(ex) != null && !(ex instanceof NianbaoException)) {
                ex = NianbaoException.io(ex); // a file that could not be read or written: exit 2, in Chinese
            }
            if (ex instanceof NianbaoException ne) {
                e.println("错误：" + ne.getMessage());
                if (ne.exitCode() == ExitCodes.USAGE && ne.usageHint()) {
                    e.println(UsageErrors.helpHint(commandLine));
                }
                e.flush();
                return ne.exitCode();
            }
            return internalError(e, ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("错误：" + UsageErrors.describe(ex, args));
            e.println(UsageErrors.helpHint(ex.getCommandLine()));
            e.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static int internalError(PrintWriter e, Throwable ex) {
        e.println("内部错误（请把以下信息反馈给开发者）：" + ex);
        if (ex instanceof OutOfMemoryError) {
            e.println("内存不足：可以用 java -Xmx4g -jar nianbao.jar … 给程序更多内存，或分批处理。");
        }
        ex.printStackTrace(e);
        e.flush();
        return ExitCodes.INTERNAL;
    }

    /** Read as UTF-8 whatever the JVM's default for .properties, and whatever the user's locale. */
    private static ResourceBundle usageHelp() {
        try (InputStream in = Main.class.getResourceAsStream(USAGE_HELP)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源 " + USAGE_HELP);
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
