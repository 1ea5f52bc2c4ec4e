package cn.nianbao.cli;

import picocli.CommandLine.Option;

/** The one option that lets a command replace a file it would otherwise refuse to replace. */
final class ForceOption {
    @Option(names = "--force", description = {"替换已存在的输出文件，即使它不是本工具写出的或有人填写过（默认拒绝替换，以免丢失）",
        "Replace existing outputs even when they are not this tool's own or hold typed content."})
    boolean force;
}
