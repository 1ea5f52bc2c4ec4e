package cn.nianbao.read.source;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;

/**
 * The ruling lines of one PDF page — strokes and thin filled rectangles, horizontal and vertical,
 * in the page's display coordinates (x from the crop box's left, y down from its top, as
 * {@link org.apache.pdfbox.text.TextPosition#getXDirAdj()} and {@code getYDirAdj()} give them) —
 * and the table grids they make: lines that cross or touch, at least two each way. Collected by
 * path operators added to the text stripper, so the page's content is read once for its text and
 * its lines together. A grid tells, for a point, the ruled cell around it: the nearest rules left,
 * right, above and below that pass it (a merged cell has no rule through it, so it is one cell).
 */
final class Rulings {
    /** How far apart two rules may be and still meet, in points. */
    private static final double TOUCH = 2.5;
    /** A filled rectangle no thicker than this is a line. */
    private static final double THIN = 3;
    /** Shorter than this is no rule (a dot, a dash of a dashed pattern). */
    private static final double MIN_LENGTH = 4;
    /** More path segments than this on one page: no table rules to speak of (a drawing); kept bounded. */
    private static final int MAX_SEGMENTS = 3_000;

    /** A horizontal rule at {@code at} from {@code from} to {@code to}, or a vertical one. */
    record Rule(boolean horizontal, double at, double from, double to) {
        boolean passes(double p) {
            return p >= from - TOUCH && p <= to + TOUCH;
        }
    }

    /** A ruled cell: its left and right rules' x, top and bottom rules' y. */
    record Cell(double left, double right, double top, double bottom) {
    }

    /** The rules of one table: they cross or touch one another. */
    static final class Grid {
        final List<Rule> h = new ArrayList<>();
        final List<Rule> v = new ArrayList<>();
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;

        boolean contains(double x, double y) {
            return x > x0 && x < x1 && y > y0 && y < y1;
        }

        /** The ruled cell around (x, y), or null where no rule closes it on some side. */
        Cell cellAt(double x, double y) {
            double left = -Double.MAX_VALUE;
            double right = Double.MAX_VALUE;
            for (Rule r : v) {
                if (r.passes(y)) {
                    if (r.at() <= x && r.at() > left) {
                        left = r.at();
                    } else if (r.at() > x && r.at() < right) {
                        right = r.at();
                    }
                }
            }
            double top = -Double.MAX_VALUE;
            double bottom = Double.MAX_VALUE;
            for (Rule r : h) {
                if (r.passes(x)) {
                    if (r.at() <= y && r.at() > top) {
                        top = r.at();
                    } else if (r.at() > y && r.at() < bottom) {
                        bottom = r.at();
                    }
                }
            }
            if (left == -Double.MAX_VALUE || right == Double.MAX_VALUE || top == -Double.MAX_VALUE || bottom == Double.MAX_VALUE) {
                return null;
            }
            return new Cell(left, right, top, bottom);
        }

        /** The x of the vertical rules that pass height {@code y}, left to right, those within {@link #TOUCH} as one. */
        List<Double> columnsAt(double y) {
            List<Double> xs = new ArrayList<>();
            for (Rule r : v) {
                if (r.passes(y) && r.from() < y && r.to() > y) {
                    xs.add(r.at());
                }
            }
            xs.sort(null);
            List<Double> out = new ArrayList<>();
            for (double x : xs) {
                if (out.isEmpty() || x - out.get(out.size() - 1) > TOUCH) {
                    out.add(x);
                }
            }
            return out;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Point2D.Double> path = new ArrayList<>();
    /** Where each subpath of the current path starts in {@link #path}; a rectangle's corners are closed. */
    private final List<int[]> subpaths = new ArrayList<>();
    private double pageTop;
    private double pageLeft;
    private boolean active;
    private int segments;

    /** Starts a page: its crop box's left and top (PDF coordinates), and whether lines are wanted (an unrotated page). */
    void startPage(double left, double top, boolean unrotated) {
        rules.clear();
        path.clear();
        subpaths.clear();
        pageLeft = left;
        pageTop = top;
        active = unrotated;
        segments = 0;
    }

    /** The operators that build and paint paths, for the stripper to add. */
    List<OperatorProcessor> operators(PDFStreamEngine engine) {
        List<OperatorProcessor> ops = new ArrayList<>();
        ops.add(op(engine, "m", (o) -> {
            if (o.size() >= 2) {
                subpaths.add(new int[] {path.size(), 0});
                path.add(point(engine, o.get(0), o.get(1)));
            }
        }));
        ops.add(op(engine, "l", (o) -> {
            if (o.size() >= 2) {
                if (subpaths.isEmpty()) {
                    subpaths.add(new int[] {path.size(), 0});
                }
                path.add(point(engine, o.get(0), o.get(1)));
            }
        }));
        for (String curve : new String[] {"c", "v", "y"}) {
            // A curve is no rule: it ends the straight run so far; its end point starts the next.
            ops.add(op(engine, curve, (o) -> {
                if (o.size() >= 2) {
                    subpaths.add(new int[] {path.size(), 0});
                    path.add(point(engine, o.get(o.size() - 2), o.get(o.size() - 1)));
                }
            }));
        }
        ops.add(op(engine, "re", (o) -> {
            if (o.size() >= 4) {
                double x = num(o.get(0));
                double y = num(o.get(1));
                double w = num(o.get(2));
                double hh = num(o.get(3));
                subpaths.add(new int[] {path.size(), 1});
                path.add(point(engine, x, y));
                path.add(point(engine, x + w, y));
                path.add(point(engine, x + w, y + hh));
                path.add(point(engine, x, y + hh));
            }
        }));
        ops.add(op(engine, "h", (o) -> {
            if (!subpaths.isEmpty()) {
                subpaths.get(subpaths.size() - 1)[1] = 1;
            }
        }));
        for (String stroke : new String[] {"S", "s", "B", "B*", "b", "b*"}) {
            ops.add(op(engine, stroke, (o) -> {
                if (stroke.equals("s") || stroke.startsWith("b")) {
                    if (!subpaths.isEmpty()) {
                        subpaths.get(subpaths.size() - 1)[1] = 1;
                    }
                }
                stroked();
                clearPath();
            }));
        }
        for (String fill : new String[] {"f", "F", "f*"}) {
            ops.add(op(engine, fill, (o) -> {
                filled();
                clearPath();
            }));
        }
        ops.add(op(engine, "n", (o) -> clearPath()));
        return ops;
    }

    private interface Body {
        void run(List<COSBase> operands);
    }

    private OperatorProcessor op(PDFStreamEngine engine, String name, Body body) {
        return new OperatorProcessor(engine) {
            @Override
            public void process(Operator operator, List<COSBase> operands) throws IOException {
                if (active) {
                    body.run(operands);
                }
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    private Point2D.Double point(PDFStreamEngine engine, COSBase x, COSBase y) {
        return point(engine, num(x), num(y));
    }

    private Point2D.Double point(PDFStreamEngine engine, double x, double y) {
        Point2D.Float p = engine.transformedPoint((float) x, (float) y);
        return new Point2D.Double(p.x - pageLeft, pageTop - p.y);
    }

    private static double num(COSBase b) {
        return b instanceof COSNumber n ? n.floatValue() : Double.NaN;
    }

    private void clearPath() {
        path.clear();
        subpaths.clear();
    }

    /** Each straight, level or upright segment of the path is a rule. */
    private void stroked() {
        for (int s = 0; s < subpaths.size(); s++) {
            int from = subpaths.get(s)[0];
            int to = s + 1 < subpaths.size() ? subpaths.get(s + 1)[0] : path.size();
            boolean closed = subpaths.get(s)[1] == 1;
            for (int i = from; i + 1 < to; i++) {
                segment(path.get(i), path.get(i + 1));
            }
            if (closed && to - from > 2) {
                segment(path.get(to - 1), path.get(from));
            }
        }
    }

    /** A filled rectangle (or four-cornered closed path) that is thin is a rule along its length. */
    private void filled() {
        for (int s = 0; s < subpaths.size(); s++) {
            int from = subpaths.get(s)[0];
            int to = s + 1 < subpaths.size() ? subpaths.get(s + 1)[0] : path.size();
            if (to - from < 2 || to - from > 5) {
                continue;
            }
            double x0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (int i = from; i < to; i++) {
                Point2D.Double p = path.get(i);
                x0 = Math.min(x0, p.x);
                x1 = Math.max(x1, p.x);
                y0 = Math.min(y0, p.y);
                y1 = Math.max(y1, p.y);
            }
            double w = x1 - x0;
            double hh = y1 - y0;
            if (hh <= THIN && w >= MIN_LENGTH) {
                add(new Rule(true, (y0 + y1) / 2, x0, x1));
            } else if (w <= THIN && hh >= MIN_LENGTH) {
                add(new Rule(false, (x0 + x1) / 2, y0, y1));
            }
        }
    }

    private void segment(Point2D.Double a, Point2D.Double b) {
        if (Double.isNaN(a.x + a.y + b.x + b.y)) {
            return;
        }
        double dx = Math.abs(a.x - b.x);
        double dy = Math.abs(a.y - b.y);
        if (dy <= 0.5 && dx >= MIN_LENGTH) {
            add(new Rule(true, (a.y + b.y) / 2, Math.min(a.x, b.x), Math.max(a.x, b.x)));
        } else if (dx <= 0.5 && dy >= MIN_LENGTH) {
            add(new Rule(false, (a.x + b.x) / 2, Math.min(a.y, b.y), Math.max(a.y, b.y)));
        }
    }

    private void add(Rule r) {
        if (++segments <= MAX_SEGMENTS) {
            rules.add(r);
        }
    }

    /** The page's grids: rules joined where they cross or touch, at least two each way. */
    List<Grid> grids() {
        int n = rules.size();
        if (n < 4 || segments > MAX_SEGMENTS) {
            return List.of();
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            Rule a = rules.get(i);
            for (int j = i + 1; j < n; j++) {
                Rule b = rules.get(j);
                if (meet(a, b)) {
                    int ra = root(parent, i);
                    int rb = root(parent, j);
                    if (ra != rb) {
                        parent[ra] = rb;
                    }
                }
            }
        }
        java.util.Map<Integer, Grid> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Rule r = rules.get(i);
            Grid g = byRoot.computeIfAbsent(root(parent, i), k -> new Grid());
            (r.horizontal() ? g.h : g.v).add(r);
            double x0 = r.horizontal() ? r.from() : r.at();
            double x1 = r.horizontal() ? r.to() : r.at();
            double y0 = r.horizontal() ? r.at() : r.from();
            double y1 = r.horizontal() ? r.at() : r.to();
            g.x0 = Math.min(g.x0, x0);
            g.x1 = Math.max(g.x1, x1);
            g.y0 = Math.min(g.y0, y0);
            g.y1 = Math.max(g.y1, y1);
        }
        List<Grid> out = new ArrayList<>();
        for (Grid g : byRoot.values()) {
            if (g.h.size() >= 2 && g.v.size() >= 2) {
                out.add(g);
            }
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Whether two rules cross or touch (a level and an upright one), or continue one another. */
    private static boolean meet(Rule a, Rule b) {
        if (a.horizontal() != b.horizontal()) {
            Rule h = a.horizontal() ? a : b;
            Rule v = a.horizontal() ? b : a;
            return h.passes(v.at()) && v.passes(h.at());
        }
        return Math.abs(a.at() - b.at()) <= TOUCH && a.from() <= b.to() + TOUCH && b.from() <= a.to() + TOUCH;
    }
}
