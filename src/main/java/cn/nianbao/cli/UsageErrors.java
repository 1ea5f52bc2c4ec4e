package cn.nianbao.cli;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * picocli's parse errors in Chinese, naming the option and the value. picocli only has English
 * texts; each kind of {@link ParameterException} is mapped from its fields (the missing or
 * unmatched arguments, the option, the value), and the few facts only its message carries are
 * taken from it. Whatever is not mapped still gets a Chinese lead sentence with picocli's text.
 */
final class UsageErrors {
    /** "Expected parameter for option '--year' but found '--agency'". */
    private static final Pattern FOUND = Pattern.compile("^Expected parameter for option .* but found '(.*)'$");
    /** "Error: -a, -b are mutually exclusive (specify only one)". */
    private static final Pattern EXCLUSIVE = Pattern.compile("^(?:Error: )?(.*) are mutually exclusive");
    /** "option '--quiet' should be specified without 'x' parameter" (an option with arity 0 given a value). */
    private static final Pattern WITHOUT_VALUE = Pattern.compile("'(.+)' should be specified without '(.*)' parameter");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\p{Nd}+");
    private static final int MAX_SUGGESTIONS = 3;

    private UsageErrors() {
    }

    /** Where the help of the command that failed is: "用法见：nianbao check --help". */
    static String helpHint(CommandLine where) {
        return "用法见：" + where.getCommandSpec().qualifiedName() + " --help";
    }

    /** One Chinese sentence (without "错误：") for a parse error; {@code args} is the whole command line. */
    static String describe(ParameterException ex, String[] args) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String english = String.valueOf(ex.getMessage());
        if (ex instanceof MissingParameterException m) {
            // picocli checks required options before it complains about unknown ones, but a
            // mistyped required option (--yaer) is the likely cause of the missing one: say both.
            List<String> unknown = ex.getCommandLine().getUnmatchedArguments();
            String lead = unknown.isEmpty() ? ""
                    : unmatched(new UnmatchedArgumentException(ex.getCommandLine(), new ArrayList<>(unknown)), spec, args) + "；";
            return lead + missing(m.getMissing(), english);
        }
        if (ex instanceof UnmatchedArgumentException u) {
            return unmatched(u, spec, args);
        }
        if (ex instanceof OverwrittenOptionException o) {
            return "选项 " + name(o.getOverwritten()) + " 只能给一次";
        }
        if (ex instanceof MutuallyExclusiveArgsException) {
            Matcher m = EXCLUSIVE.matcher(english);
            return m.find() ? "选项 " + m.group(1).replace(", ", "、") + " 不能同时使用，只能给其中一个"
                    : "有几个选项不能同时使用（" + english + "）";
        }
        if (ex instanceof MaxValuesExceededException) {
            Matcher m = WITHOUT_VALUE.matcher(english);
            return m.find() ? "选项 " + m.group(1) + " 不带值，“" + m.group(2) + "”是多余的（直接写 " + m.group(1) + " 即可）"
                    : "给出的值太多（" + english + "）";
        }
        if (english.startsWith("Unknown subcommand") && ex.getValue() != null) {
            return unknownCommand(ex.getValue(), spec); // the help command: nianbao help chek
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return invalidValue(ex.getArgSpec(), ex.getValue(), ex.getCause(), english);
        }
        if (english.replaceAll("'[^']*'", "").codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return english; // already Chinese (outside the quoted values): thrown by one of our own commands
        }
        return "命令行有误（" + english + "）";
    }

    private static String missing(List<ArgSpec> missing, String english) {
        if (missing.isEmpty()) {
            return "缺少必填的选项或参数（" + english + "）";
        }
        Matcher found = FOUND.matcher(english);
        boolean noValue = found.find();
        if (noValue || english.startsWith("Missing required parameter for option")) {
            ArgSpec a = missing.get(0);
            return "选项 " + name(a) + " 后面缺少值 " + a.paramLabel() + about(a)
                    + (noValue ? "（紧跟在后面的“" + found.group(1) + "”不是它的值）" : "");
        }
        List<String> options = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (ArgSpec a : missing) {
            (a.isOption() ? options : params).add(name(a) + (missing.size() == 1 ? about(a) : bracketed(a)));
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add("缺少必填选项 " + String.join("、", options));
        }
        if (!params.isEmpty()) {
            parts.add("缺少参数 " + String.join("、", params));
        }
        return String.join("；", parts);
    }

    private static String unmatched(UnmatchedArgumentException u, CommandSpec spec, String[] args) {
        List<String> options = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String previous = null;
        for (String arg : u.getUnmatched()) {
            if (looksLikeOption(arg)) {
                options.add(arg);
            } else if (!(previous != null && looksLikeOption(previous) && !previous.contains("=") && adjacent(args, previous, arg))) {
                others.add(arg); // not the value given to an unknown option just before it
            }
            previous = arg;
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            List<String> described = new ArrayList<>();
            for (String o : options) {
                String name = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
                Set<String> candidates = new LinkedHashSet<>(similar(name, optionNames(spec)));
                if (o.equals(u.getUnmatched().get(0))) {
                    candidates.addAll(u.getSuggestions()); // picocli's: options sharing the first letters
                }
                described.add(name + didYouMean(candidates));
            }
            parts.add("未知选项 " + String.join("、", described));
        }
        if (!others.isEmpty()) {
            if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
                parts.add(unknownCommand(others.get(0), spec)); // the rest were meant for that command
            } else {
                parts.add("多余的参数" + others.stream().map(s -> "“" + s + "”").collect(Collectors.joining("、"))
                        + "（" + spec.qualifiedName() + " 不需要这样的参数；值中有空格时请用引号括起来）");
            }
        }
        return parts.isEmpty() ? "命令行有误（" + u.getMessage() + "）" : String.join("；", parts);
    }

    private static String unknownCommand(String typed, CommandSpec spec) {
        List<String> names = spec.subcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).distinct().toList();
        return "未知命令“" + typed + "”" + didYouMean(similar(typed, names)) + "。可用的命令：" + String.join("、", names);
    }

    private static String invalidValue(ArgSpec a, String value, Throwable cause, String english) {
        String who = (a.isOption() ? "选项 " : "参数 ") + name(a);
        Class<?> type = a.isMultiValue() && a.auxiliaryTypes().length > 0 ? a.auxiliaryTypes()[0] : a.type();
        String expected = expected(type);
        if (expected == null) {
            return who + " 的值“" + value + "”无效（" + english + "）";
        }
        if (isBoolean(type) && a.isOption()) {
            return who + " 不带值，“" + value + "”是多余的（直接写 " + ((OptionSpec) a).longestName() + " 即可）";
        }
        if (value.isBlank()) {
            return who + " 的值是空的，应为" + expected;
        }
        String detail = cause == null || cause instanceof TypeConversionException ? "" : "（" + cause.getMessage() + "）";
        if (isInteger(type) && INTEGER.matcher(value.strip()).matches()) {
            return who + " 的值“" + value + "”超出整数范围";
        }
        if (type.isEnum()) {
            return who + " 的值“" + value + "”不是可选的值之一，应为" + expected + detail;
        }
        return who + " 的值“" + value + "”不是" + expected + detail;
    }

    /** What a value of this type must look like, in Chinese; null for a type not described here. */
    private static String expected(Class<?> type) {
        if (isInteger(type)) {
            return "整数";
        }
        if (isBoolean(type)) {
            return "true 或 false";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "数字";
        }
        if (type == Path.class || type == File.class) {
            return "有效的路径";
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、"));
        }
        return null;
    }

    private static boolean isInteger(Class<?> t) {
        return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class
                || t == Short.class || t == byte.class || t == Byte.class || t == BigInteger.class;
    }

    private static boolean isBoolean(Class<?> t) {
        return t == boolean.class || t == Boolean.class;
    }

    /** "--output" for an option (all its names when it has several: "-o/--output"), the label for a parameter. */
    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? String.join("/", o.names()) : a.paramLabel();
    }

    /** "：报告年度" — the first line of the argument's own (Chinese) description, if any. */
    private static String about(ArgSpec a) {
        String d = firstLine(a);
        return d.isEmpty() ? "" : "：" + d;
    }

    private static String bracketed(ArgSpec a) {
        String d = firstLine(a);
        return d.isEmpty() ? "" : "（" + d + "）";
    }

    private static String firstLine(ArgSpec a) {
        String[] d = a.description();
        return d == null || d.length == 0 || d[0] == null ? "" : d[0].replace("%n", " ").strip();
    }

    private static boolean adjacent(String[] args, String first, String second) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(first) && args[i + 1].equals(second)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.startsWith("-") && !INTEGER.matcher(arg).matches();
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.addAll(Arrays.asList(o.names()));
            }
        }
        return names;
    }

    private static String didYouMean(Collection<String> candidates) {
        return candidates.isEmpty() ? ""
                : "（是否想输入 " + candidates.stream().limit(MAX_SUGGESTIONS).collect(Collectors.joining(" 或 ")) + "？）";
    }

    /**
     * The candidates a mistyped name was probably meant to be: one or two letters off (a swap of
     * two neighbours counts as one), or the typed name is their beginning. Closest first.
     */
    static List<String> similar(String typed, Collection<String> candidates) {
        String t = bare(typed);
        if (t.length() < 2) {
            return List.of();
        }
        int max = t.length() >= 5 ? 2 : 1;
        record Scored(String name, int distance) {
        }
        List<Scored> found = new ArrayList<>();
        for (String c : new LinkedHashSet<>(candidates)) {
            String b = bare(c);
            if (b.length() < 3 || b.equals(t)) {
                continue;
            }
            int d = cn.nianbao.util.ChineseText.distance(t, b, Math.max(t.length(), b.length()));
            if (d <= max || (t.length() >= 3 && b.startsWith(t))) {
                found.add(new Scored(c, d));
            }
        }
        found.sort(Comparator.comparingInt(Scored::distance));
        return found.stream().map(Scored::name).toList();
    }

    private static String bare(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '-') {
            i++;
        }
        return name.substring(i).toLowerCase(Locale.ROOT);
    }
}
