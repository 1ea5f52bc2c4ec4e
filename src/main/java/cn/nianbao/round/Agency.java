package cn.nianbao.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One agency of a roster: name, 统一社会信用代码 (may be empty), contact e-mail, parent, former names. */
public record Agency(String name, String code, String email, String parent, List<String> aliases, int line) {
    public Agency {
        aliases = List.copyOf(aliases);
    }

    /** The addresses of its 联系邮箱, lower case. */
    public List<String> emails() {
        return addresses(email);
    }

    /** The addresses in a field of one or more, separated by commas, semicolons or spaces (full-width too), lower case. */
    static List<String> addresses(String field) {
        List<String> out = new ArrayList<>();
        for (String e : field.split("[,;，；\\s]+")) {
            if (e.contains("@")) {
                out.add(e.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
