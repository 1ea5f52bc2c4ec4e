package cn.nianbao.spec;

import java.util.List;
import java.util.stream.Stream;

/** A sum of cells, each added or subtracted. Expressions in the spec are expanded into these at load. */
public record Expr(List<Term> terms) {
    public Expr {
        terms = List.copyOf(terms);
    }

    /** One cell, added or subtracted; {@code previous} when it is a cell of last year's filing. */
    public record Term(boolean negative, String cell, boolean previous) {
        public Term(boolean negative, String cell) {
            this(negative, cell, false);
        }
    }

    /** Whether any term refers to last year's filing. */
    public boolean refersToPreviousYear() {
        return terms.stream().anyMatch(Term::previous);
    }

    public Stream<String> cells() {
        return terms.stream().map(Term::cell);
    }

    /** The single cell of a one-term positive expression of this year's filing, or null. */
    public String singleCell() {
        return terms.size() == 1 && !terms.get(0).negative() && !terms.get(0).previous() ? terms.get(0).cell() : null;
    }
}
