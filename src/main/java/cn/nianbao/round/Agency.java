package cn.nianbao.round;

import java.util.List;

/** One agency of a roster: name, 统一社会信用代码 (may be empty), contact e-mail, parent, former names. */
public record Agency(String name, String code, String email, String parent, List<String> aliases, int line) {
    public Agency {
        aliases = List.copyOf(aliases);
    }
}
