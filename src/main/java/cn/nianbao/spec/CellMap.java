package cn.nianbao.spec;

/** One correspondence to another format: this format's {@code left} equals the other's {@code right}. */
public record CellMap(String otherFormat, Expr left, Expr right) {
}
