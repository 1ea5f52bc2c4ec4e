package cn.nianbao.spec;

import java.util.List;
import java.util.stream.Stream;

/** A sum of cells, each added or subtracted. Expressions in the spec are expanded into these at load. */
public record Expr(List<Term> terms) {
    public Expr {
        terms = List.copyOf(terms);
    }

    public record Term(boolean negative, String cell) {
    }

    public Stream<String> cells() {
        return terms.stream().map(Term::cell);
    }

    /** The single cell of a one-term positive expression, or null. */
    public String singleCell() {
        return terms.size() == 1 && !terms.get(0).negative() ? terms.get(0).cell() : null;
    }
}
