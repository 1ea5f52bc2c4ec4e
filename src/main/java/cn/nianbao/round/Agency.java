package cn.nianbao.round;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
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

    /**
     * The addresses in a field of one or more, separated by commas, semicolons or spaces (full-width
     * too), lower case; "<a@b.cn>" counts as a@b.cn. What is not an address is left out: see
     * {@link #notAddresses}.
     */
    static List<String> addresses(String field) {
        List<String> out = new ArrayList<>();
        for (String e : tokens(field)) {
            String address = address(e);
            if (address != null) {
                out.add(address);
            }
        }
        return out;
    }

    /** What in the field was meant as an address (it has an @) but is none, as typed: "b@x.cn(办公室". */
    static List<String> notAddresses(String field) {
        List<String> out = new ArrayList<>();
        for (String e : tokens(field)) {
            if (address(e) == null) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> tokens(String field) {
        List<String> out = new ArrayList<>();
        for (String e : field.split("[,;，；\\s]+")) {
            if (e.contains("@")) {
                out.add(e.strip());
            }
        }
        return out;
    }

    /** The address a token holds, lower case; null when it is none a mail program would take. */
    private static String address(String token) {
        String t = token.startsWith("<") && token.endsWith(">") ? token.substring(1, token.length() - 1) : token;
        try {
            InternetAddress a = new InternetAddress(t, true);
            a.validate();
            return a.getPersonal() == null && t.equals(a.getAddress()) && t.indexOf('@') > 0
                    && t.indexOf('@') < t.length() - 1 ? t.toLowerCase(Locale.ROOT) : null;
        } catch (AddressException e) {
            return null;
        }
    }
}
