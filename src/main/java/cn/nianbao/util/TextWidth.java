package cn.nianbao.util;

/** How wide text shows in a spreadsheet column, in column-width units. */
public final class TextWidth {
    private TextWidth() {
    }

    /** CJK characters are two units wide, others one. */
    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return w;
    }
}
