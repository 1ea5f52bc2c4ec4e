package cn.nianbao.reconcile;

import cn.nianbao.model.Filing;
import cn.nianbao.util.ChineseText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds an agency's filing among others: by 统一社会信用代码 first, then by its name after
 * normalization, then by an alias. The first filing listed wins where several share a key.
 */
public final class FilingIndex {
    /** A filing found, and how: 统一社会信用代码, 单位名称 or 别名. */
    public record Hit(Filing filing, String by) {
    }

    private final Aliases aliases;
    private final Map<String, Filing> byCode = new HashMap<>();
    private final Map<String, Filing> byName = new HashMap<>();

    public FilingIndex(List<Filing> filings, Aliases aliases) {
        this.aliases = aliases;
        for (Filing f : filings) {
            if (!f.identity().code().isEmpty()) {
                byCode.putIfAbsent(f.identity().code(), f);
            }
            byName.putIfAbsent(aliases.key(f.agency()), f);
        }
    }

    /** The filing of the agency with this code (may be empty) and name, among those {@code accept} allows; or null. */
    public Hit find(String code, String name, Predicate<Filing> accept) {
        Filing f = code.isEmpty() ? null : byCode.get(code);
        if (f != null && accept.test(f)) {
            return new Hit(f, "统一社会信用代码");
        }
        f = byName.get(aliases.key(name));
        if (f == null || !accept.test(f) || !code.isEmpty() && !f.identity().code().isEmpty() && !f.identity().code().equals(code)) {
            return null;
        }
        boolean sameName = ChineseText.name(f.agency()).equals(ChineseText.name(name));
        return new Hit(f, sameName ? "单位名称" : "别名");
    }
}
