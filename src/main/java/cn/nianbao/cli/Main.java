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
        CommandLine cl = commandLine();
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NianbaoCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (cn.nianbao.util.IoErrors.ioCause(ex) != null && !(ex instanceof NianbaoException)) {
                ex = NianbaoException.io(ex); // a file that could not be read or written: exit 2, in Chinese
            }
            if (ex instanceof NianbaoException ne) {
                e.println("错误：" + ne.getMessage());
                e.flush();
                return ne.exitCode();
            }
            e.println("内部错误（请把以下信息反馈给开发者）：" + ex);
            ex.printStackTrace(e);
            e.flush();
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("错误：" + ex.getMessage());
            e.println("用法见：nianbao " + ex.getCommandLine().getCommandName() + " --help");
            e.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
