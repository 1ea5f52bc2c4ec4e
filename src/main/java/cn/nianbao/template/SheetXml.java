package cn.nianbao.template;

/** Finds things in a worksheet part's XML as POI writes it. */
public final class SheetXml {
    private SheetXml() {
    }

    /**
     * The span [start, end) of the value element {@code <v>…</v>} of cell {@code a1}, so a writer
     * can put another value there; fails when the cell has no value element.
     */
    public static int[] valueSpan(String xml, String a1) {
        int c = xml.indexOf("<c r=\"" + a1 + "\"");
        int v = c < 0 ? -1 : xml.indexOf("<v>", c);
        if (c < 0 || v < 0 || v > xml.indexOf("</c>", c)) {
            throw new IllegalStateException("cell " + a1 + " has no value element");
        }
        return new int[] {v, xml.indexOf("</v>", v) + 4};
    }
}
