package cn.nianbao.model;

/** Where a cell sits in its source file: sheet name and A1 address. */
public record CellLocation(String sheet, String cell) {
}
