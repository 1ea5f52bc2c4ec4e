package cn.nianbao.bench;

import cn.nianbao.spec.ColumnDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.RowDef;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random filings that satisfy every rule (R1–R4 within the year, C1 and C2 against last
 * year), and planted errors whose findings are known in advance.
 */
final class BenchData {
    static final List<String> APPLICANTS = List.of("natural", "business", "research", "nonprofit", "legal", "other_org");
    static final List<String> GROUPS = List.of("review", "suit_direct", "suit_after_review");

    private final FormatSpec spec;
    private final List<String> resultRows;

    BenchData(FormatSpec spec) {
        this.spec = spec;
        List<RowDef> rows = spec.table("t3").only().rows();
        int from = indexOf(rows, "disclosed");
        int to = indexOf(rows, "result_total");
        this.resultRows = rows.subList(from, to).stream().map(RowDef::key).toList();
    }

    private static int indexOf(List<RowDef> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /**
     * A filing that breaks no rule, given last year's carry-forward (by column) and 现行有效件数 (by
     * row). Table 二's cells the format has besides those (the 2019 format's) get small numbers of their kind.
     */
    Map<String, BigDecimal> valid(Random rnd, Map<String, Integer> carriedIn, Map<String, Integer> inForceBefore) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        if (spec.hasCell("t2.art20_1.rules.in_force")) {
            for (String row : List.of("rules", "normative_docs")) {
                int before = inForceBefore.getOrDefault(row, 0);
                int issued = rnd.nextInt(4);
                int repealed = rnd.nextInt(before + issued + 1) / 2;
                put(v, "t2.art20_1." + row + ".issued", issued);
                put(v, "t2.art20_1." + row + ".repealed", repealed);
                put(v, "t2.art20_1." + row + ".in_force", before + issued - repealed);
            }
        }
        put(v, "t2.art20_5.licensing.decisions", skewed(rnd, 50_000));
        put(v, "t2.art20_6.penalty.decisions", skewed(rnd, 5_000));
        put(v, "t2.art20_6.coercion.decisions", skewed(rnd, 50));
        if (spec.hasCell("t2.art20_8.fees.amount")) {
            v.put("t2.art20_8.fees.amount", BigDecimal.valueOf(rnd.nextInt(100_000_000), 4));
        }
        for (cn.nianbao.spec.CellDef c : spec.inputCells()) {
            if (c.table().number().equals("二") && !v.containsKey(c.key())) {
                v.put(c.key(), switch (c.kind()) {
                    case COUNT -> BigDecimal.valueOf(rnd.nextInt(20));
                    case SIGNED -> BigDecimal.valueOf(rnd.nextInt(11) - 5);
                    case MONEY -> BigDecimal.valueOf(rnd.nextInt(1_000_000), 4);
                });
            }
        }
        for (String c : APPLICANTS) {
            int received = rnd.nextInt(10) < 7 ? 0 : 1 + rnd.nextInt(20);
            int carried = carriedIn.getOrDefault(c, 0);
            int forward = rnd.nextInt(Math.min(received + carried, 3) + 1);
            put(v, "t3.received." + c, received);
            put(v, "t3.carried_over." + c, carried);
            put(v, "t3.carry_forward." + c, forward);
            int[] spread = new int[resultRows.size()];
            for (int i = 0; i < received + carried - forward; i++) {
                // most applications are disclosed or "not held"; the rest anywhere
                int r = rnd.nextInt(3) == 0 ? rnd.nextInt(spread.length) : rnd.nextBoolean() ? 0 : resultRows.indexOf("unable_1");
                spread[r]++;
            }
            for (int i = 0; i < spread.length; i++) {
                put(v, "t3." + resultRows.get(i) + "." + c, spread[i]);
            }
        }
        for (String g : GROUPS) {
            for (ColumnDef col : spec.table("t4").only().cols()) {
                if (!col.total()) {
                    put(v, "t4." + g + "." + col.key(), rnd.nextInt(10) < 8 ? 0 : rnd.nextInt(5));
                }
            }
        }
        return v;
    }

    private static int skewed(Random rnd, int max) {
        return rnd.nextInt(4) == 0 ? 0 : (int) Math.round(Math.pow(rnd.nextDouble(), 3) * max);
    }

    private static void put(Map<String, BigDecimal> v, String key, int n) {
        v.put(key, BigDecimal.valueOf(n));
    }

    /** An error planted in a filing, and how many findings (errors and warnings) it must produce. */
    record Planted(String kind, int findings) {
    }

    /**
     * Plants one error in a filing of a chain of years, touching nothing the next year is compared
     * with: R1 (received off by one: that column and 总计), C1 (only when {@code hasLastYear}: as
     * {@link #plant}), V2, R4 or V7 as {@link #plant}.
     */
    static Planted plantInChain(Random rnd, Map<String, BigDecimal> v, Map<String, BigDecimal> storedOverride, boolean hasLastYear) {
        int kind = rnd.nextInt(5);
        if (kind == 1 && !hasLastYear) {
            kind = 0;
        }
        if (kind == 0) {
            String c = APPLICANTS.get(rnd.nextInt(APPLICANTS.size()));
            v.merge("t3.received." + c, BigDecimal.ONE, BigDecimal::add);
            return new Planted("R1", 2);
        }
        return plantKind(rnd, kind, v, storedOverride);
    }

    /** Plants the error {@code kind} (0 R1 … 4 V7) as {@link #plant} does. */
    private static Planted plantKind(Random rnd, int kind, Map<String, BigDecimal> v, Map<String, BigDecimal> storedOverride) {
        String c = APPLICANTS.get(rnd.nextInt(APPLICANTS.size()));
        String g = GROUPS.get(rnd.nextInt(GROUPS.size()));
        switch (kind) {
            case 1 -> {
                v.merge("t3.carried_over." + c, BigDecimal.ONE, BigDecimal::add);
                v.merge("t3.disclosed." + c, BigDecimal.ONE, BigDecimal::add);
                return new Planted("C1", 2);
            }
            case 2 -> {
                v.put("t4." + g + ".other", BigDecimal.valueOf(-1));
                return new Planted("V2", 1);
            }
            case 3 -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (String part : List.of("upheld", "corrected", "other", "pending")) {
                    sum = sum.add(v.get("t4." + g + "." + part));
                }
                storedOverride.put("t4." + g + ".total", sum.add(BigDecimal.ONE));
                return new Planted("R4", 1);
            }
            default -> {
                v.remove("t2.art20_5.licensing.decisions");
                return new Planted("V7", 1);
            }
        }
    }

    /**
     * Plants one error: R1 (carry-forward off by one: that column and 总计), C1 (carried-over off by
     * one, balanced so R1 holds: that column and 总计), V2 (a negative count), R4 (a stale total)
     * or V7 (a blank input).
     */
    static Planted plant(Random rnd, Map<String, BigDecimal> v, Map<String, BigDecimal> storedOverride) {
        String c = APPLICANTS.get(rnd.nextInt(APPLICANTS.size()));
        String g = GROUPS.get(rnd.nextInt(GROUPS.size()));
        switch (rnd.nextInt(5)) {
            case 0 -> {
                v.merge("t3.carry_forward." + c, BigDecimal.ONE, BigDecimal::add);
                return new Planted("R1", 2);
            }
            case 1 -> {
                v.merge("t3.carried_over." + c, BigDecimal.ONE, BigDecimal::add);
                v.merge("t3.disclosed." + c, BigDecimal.ONE, BigDecimal::add);
                return new Planted("C1", 2);
            }
            case 2 -> {
                v.put("t4." + g + ".other", BigDecimal.valueOf(-1));
                return new Planted("V2", 1);
            }
            case 3 -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (String part : List.of("upheld", "corrected", "other", "pending")) {
                    sum = sum.add(v.get("t4." + g + "." + part));
                }
                storedOverride.put("t4." + g + ".total", sum.add(BigDecimal.ONE));
                return new Planted("R4", 1);
            }
            default -> {
                v.remove("t2.art20_5.licensing.decisions");
                return new Planted("V7", 1);
            }
        }
    }
}
