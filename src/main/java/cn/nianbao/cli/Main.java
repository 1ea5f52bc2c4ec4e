package cn.nianbao.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: builds the command line and maps every failure to an exit code in one place. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, null, null));
    }

    /** Runs nianbao; {@code out}/{@code err} null means the console. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // POI logs through log4j-api; without this it complains that no logging backend is present.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        // POI logs every XML error of a broken file with a stack trace; the findings already say
        // what is wrong, in Chinese, so its log stays off.
        if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
        return run(new NianbaoCommand(), args, out, err);
    }

    /**
     * Runs {@code command} as nianbao runs its root command. Whatever escapes picocli's handlers
     * (an error while building the command line, an {@link Error} such as running out of memory)
     * is still an internal error with exit code 3, never the JVM's exit code 1, which means findings.
     */
    static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
        PrintWriter e = err;
        try {
            CommandLine cl = commandLine(command);
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
        return commandLine(new NianbaoCommand());
    }

    private static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof NianbaoException ne) {
                e.println("错误：" + ne.getMessage());
                if (ne.exitCode() == ExitCodes.USAGE) {
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
}
