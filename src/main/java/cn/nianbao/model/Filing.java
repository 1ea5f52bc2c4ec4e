package cn.nianbao.model;

import cn.nianbao.spec.FormatSpec;
import java.util.List;
import java.util.Map;

/**
 * One agency's filing for one year, as read from a file: the values of every cell (inputs as
 * typed; totals recomputed from the inputs, never trusted from the file), the totals as the file
 * stored them, where each cell sits in the file, what was found while reading, and what the clerk
 * explained in the template ({@link Explanations}).
 */
public record Filing(
        String file,
        Identity identity,
        FormatSpec spec,
        Map<String, CellValue> values,
        Map<String, CellValue> storedTotals,
        Map<String, CellLocation> locations,
        List<Finding> findings,
        Explanations explanations) {

    public Filing {
        explanations = explanations == null ? Explanations.NONE : explanations;
        // Compact, immutable copies over the format's shared key sets (a no-op for maps that already are).
        values = KeyedValues.of(spec.cellKeys(), values);
        storedTotals = KeyedValues.of(spec.cellKeys(), storedTotals);
        locations = KeyedValues.of(spec.cellKeys(), locations);
        findings = List.copyOf(findings);
    }

    /**
     * A filing read cell by cell: {@code inputs} and the totals as the file stored them
     * ({@code storedTotals}), each by position in the format's keys ({@link FormatSpec#cellKeys};
     * null = blank), copied; every total recomputed from the inputs, never taken from the file.
     */
    public static Filing of(String file, Identity identity, FormatSpec spec, CellValue[] inputs, CellValue[] storedTotals,
                            Map<String, CellLocation> locations, List<Finding> findings) {
        return new Filing(file, identity, spec, Totals.complete(spec, inputs.clone()),
                KeyedValues.wrap(spec.cellKeys(), storedTotals.clone()), locations, findings, Explanations.NONE);
    }

    /**
     * A filing of the given input values (absent = blank), its totals computed: a published report
     * read by its labels, a round's total. {@code storedTotals} are the totals as a source printed them.
     */
    public static Filing of(String file, Identity identity, FormatSpec spec, Map<String, CellValue> inputs,
                            Map<String, CellValue> storedTotals, Map<String, CellLocation> locations, List<Finding> findings) {
        return new Filing(file, identity, spec, Totals.complete(spec, inputs), storedTotals, locations, findings,
                Explanations.NONE);
    }

    /** The same filing with these findings instead. */
    public Filing withFindings(List<Finding> all) {
        return new Filing(file, identity, spec, values, storedTotals, locations, all, explanations);
    }

    /** The same filing with what the clerk explained in it. */
    public Filing withExplanations(Explanations e) {
        return new Filing(file, identity, spec, values, storedTotals, locations, findings, e);
    }

    public CellValue value(String key) {
        return values.getOrDefault(key, CellValue.BLANK);
    }

    /** The value of the cell at position {@code i} of the format's keys ({@link FormatSpec#cellKeys}). */
    public CellValue value(int i) {
        CellValue v = ((KeyedValues<CellValue>) values).at(i);
        return v == null ? CellValue.BLANK : v;
    }

    /** {@link #asFiled(String)} by position in the format's keys. */
    public CellValue asFiled(int i) {
        CellValue s = ((KeyedValues<CellValue>) storedTotals).at(i);
        return s instanceof CellValue.Num || s instanceof CellValue.Invalid ? s : value(i);
    }

    /** Where the cell at position {@code i} of the format's keys sits in the file, or null. */
    public CellLocation location(int i) {
        return ((KeyedValues<CellLocation>) locations).at(i);
    }

    /**
     * The value as the file shows it: a stored total when the file holds one (a number or an
     * invalid value), otherwise the recomputed value. Rules check the table as filed.
     */
    public CellValue asFiled(String key) {
        CellValue s = storedTotals.get(key);
        return s instanceof CellValue.Num || s instanceof CellValue.Invalid ? s : value(key);
    }

    public String agency() {
        return identity.agency();
    }

    public int year() {
        return identity.year();
    }
}
