package cn.nianbao.reconcile;

import cn.nianbao.model.Filing;
import cn.nianbao.model.MatchedBy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way an agency is found among others — roster agencies, or filings: by 统一社会信用代码,
 * then by its name after normalization, then by a name it has gone by (its own aliases, or an
 * {@link Aliases} group), then by the sender's address, then by its name or alias inside a file's
 * name (the longest wins). Where several entries share a key, the first added wins. Entries are
 * added in order ({@link #add}), so an index can also answer "was this agency seen before?" (D1,
 * a roster's duplicate rows).
 *
 * @param <T> what is indexed: a roster's agencies or filings
 */
public final class AgencyIndex<T> {
    /**
     * What identifies an entry: its code (may be empty), its name, names it has gone by, and the
     * addresses it sends from (lower case).
     */
    public record Keys(String code, String name, List<String> aliases, List<String> senders) {
        public Keys {
            aliases = List.copyOf(aliases);
            senders = List.copyOf(senders);
        }

        public static Keys of(String code, String name) {
            return new Keys(code, name, List.of(), List.of());
        }
    }

    /**
     * An entry found, and how. {@code codeDisagrees}: the question carried a code, and the entry,
     * found by something else, has a different one (which of the two is right is for a person to say).
     */
    public record Hit<T>(T entry, MatchedBy by, boolean codeDisagrees) {
    }

    private final Aliases aliases;
    private final Function<? super T, Keys> keys;
    private final Map<String, T> byCode = new HashMap<>();
    private final Map<String, T> byName = new HashMap<>();
    private final Map<String, T> byAlias = new HashMap<>();
    private final Map<String, List<T>> bySender = new HashMap<>();
    /** Every name and alias of every entry, normalized, in the order added (an entry's aliases before its name). */
    private final List<Map.Entry<String, T>> names = new ArrayList<>();

    public AgencyIndex(Aliases aliases, Function<? super T, Keys> keys) {
        this.aliases = aliases;
        this.keys = keys;
    }

    public AgencyIndex(List<? extends T> entries, Aliases aliases, Function<? super T, Keys> keys) {
        this(aliases, keys);
        entries.forEach(this::add);
    }

    /** Filings by the code and agency name they carry. */
    public static AgencyIndex<Filing> ofFilings(List<Filing> filings, Aliases aliases) {
        return new AgencyIndex<>(filings, aliases, AgencyIndex::keys);
    }

    public static Keys keys(Filing f) {
        return Keys.of(f.identity().code(), f.agency());
    }

    /**
     * How agency names are compared: full-width and half-width, spaces and common traditional
     * characters made alike. The one place agency names are normalized.
     */
    static String normalize(String name) {
        return cn.nianbao.util.ChineseText.name(name);
    }

    public void add(T entry) {
        Keys k = keys.apply(entry);
        if (!k.code().isEmpty()) {
            byCode.putIfAbsent(k.code(), entry);
        }
        String name = normalize(k.name());
        byName.putIfAbsent(name, entry);
        byAlias.putIfAbsent(aliases.keyOfNormalized(name), entry);
        for (String a : k.aliases()) {
            String alias = normalize(a);
            byAlias.putIfAbsent(aliases.keyOfNormalized(alias), entry);
            names.add(Map.entry(alias, entry));
        }
        names.add(Map.entry(name, entry));
        for (String s : k.senders()) {
            bySender.computeIfAbsent(s.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(entry);
        }
    }

    /** The entry with this code, or null. */
    public T withCode(String code) {
        return code.isEmpty() ? null : byCode.get(code);
    }

    /** The entry whose own name is this one after normalization, or null. */
    public T withName(String name) {
        return byName.get(normalize(name));
    }

    /** The entry this name is another name of (an alias of its, or of its {@link Aliases} group), or null. */
    public T withAlias(String name) {
        return byAlias.get(aliases.key(name));
    }

    /** Every entry that sends from this address (none, one, or several sharing it). */
    public List<T> withSender(String address) {
        return address.isEmpty() ? List.of() : bySender.getOrDefault(address.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The entry whose name or alias the file name contains, the longest such name winning (names
     * shorter than four characters are too common to tell); null when none.
     */
    public T inFileName(String fileName) {
        String n = normalize(fileName);
        T best = null;
        int bestLength = 0;
        for (Map.Entry<String, T> e : names) {
            String k = e.getKey();
            if (k.length() >= 4 && k.length() > bestLength && n.contains(k)) {
                best = e.getValue();
                bestLength = k.length();
            }
        }
        return best;
    }

    /** The agency with this code (may be empty) and name: by code, then name, then alias; or null. */
    public Hit<T> find(String code, String name) {
        return find(code, name, e -> true);
    }

    /**
     * As {@link #find(String, String)}, among the entries {@code accept} allows: an entry found by
     * one key and not accepted lets the next key try.
     */
    public Hit<T> find(String code, String name, Predicate<? super T> accept) {
        T e = withCode(code);
        if (e != null && accept.test(e)) {
            return hit(e, MatchedBy.CODE, code);
        }
        String n = normalize(name);
        e = byName.get(n);
        if (e != null && accept.test(e)) {
            return hit(e, MatchedBy.NAME, code);
        }
        e = byAlias.get(aliases.keyOfNormalized(n));
        if (e != null && accept.test(e)) {
            return hit(e, MatchedBy.ALIAS, code);
        }
        return null;
    }

    /**
     * The whole order: code, name, alias, then the sender's address when exactly one entry sends
     * from it (an address two agencies share tells neither), then the file's name.
     */
    public Hit<T> find(String code, String name, String sender, String fileName) {
        Hit<T> h = find(code, name);
        if (h != null) {
            return h;
        }
        List<T> from = withSender(sender);
        if (from.size() == 1) {
            return hit(from.get(0), MatchedBy.SENDER, code);
        }
        T named = inFileName(fileName);
        return named == null ? null : hit(named, MatchedBy.FILE_NAME, code);
    }

    private Hit<T> hit(T e, MatchedBy by, String code) {
        String own = keys.apply(e).code();
        return new Hit<>(e, by, !code.isEmpty() && !own.isEmpty() && !own.equals(code));
    }
}
