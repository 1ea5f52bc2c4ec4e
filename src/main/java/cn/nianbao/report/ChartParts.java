package cn.nianbao.report;

/**
 * A chart to put on a list sheet ({@link XlsxLists}), as POI wrote it: the sheet's drawing
 * ({@code xl/drawings/drawing1.xml}, where the chart sits), the drawing's relationships (to
 * {@code ../charts/chart1.xml}), and the chart itself, whose ranges name the sheet and its cells.
 */
record ChartParts(byte[] drawing, byte[] drawingRels, byte[] chart) {
}
