package cn.nianbao.round;

import cn.nianbao.model.ItemState;
import cn.nianbao.round.Collector.Submission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of an agency's submissions counts, and whether the agency was late. The latest readable
 * one (by the time {@link Inbox} gives each item) is current, and one the agency sent itself wins
 * over any, even a later one, that came from another roster agency's address; the others are
 * superseded, never dropped — an unreadable one received after the current one stays 无法读取 and
 * is named in the agency's notes. The agency is late when its first readable filing (of those that
 * could be current) came after the deadline: a late correction of a filing made on time is not late.
 */
final class CurrentSubmissions {
    /** What was decided for one agency: its current submission, those it replaced, whether it was late, and notes. */
    record Choice(Submission current, List<Submission> superseded, boolean late, List<String> notes) {
    }

    /** Every submission with its final state, in inbox order, and the choice of each agency that sent a report. */
    record Result(List<Submission> submissions, Map<Agency, Choice> choices) {
    }

    static final Comparator<Submission> BY_TIME = Comparator
            .comparing((Submission s) -> s.item().time(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.item().origin());

    private CurrentSubmissions() {
    }

    static Result choose(List<Submission> subs) {
        Map<Agency, List<Integer>> byAgency = new IdentityHashMap<>();
        for (int i = 0; i < subs.size(); i++) {
            Submission s = subs.get(i);
            if (s.agency() != null && s.state() != ItemState.SKIPPED) {
                byAgency.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Submission> out = new ArrayList<>(subs);
        Map<Agency, Choice> choices = new IdentityHashMap<>();
        for (Map.Entry<Agency, List<Integer>> e : byAgency.entrySet()) {
            choices.put(e.getKey(), choose(e.getKey(), e.getValue(), subs, out));
        }
        return new Result(out, choices);
    }

    /** One agency's submissions at {@code indices} of {@code subs}; their new states are set in {@code out}. */
    private static Choice choose(Agency agency, List<Integer> indices, List<Submission> subs, List<Submission> out) {
        List<Integer> idx = new ArrayList<>(indices);
        idx.sort(Comparator.comparing(subs::get, BY_TIME));
        // The latest readable one; one the agency sent itself wins over any, even a later one,
        // that came from another roster agency's address (which may hold that agency's figures).
        // A published report (PDF, Word, web page) counts only when the agency sent no readable workbook:
        // it is read when it comes instead of the template, never in place of a template it filled.
        boolean workbook = idx.stream().anyMatch(i -> subs.get(i).readable() && subs.get(i).item().kind() == Inbox.Kind.WORKBOOK);
        java.util.function.IntPredicate candidate = i -> subs.get(i).readable()
                && (!workbook || subs.get(i).item().kind() == Inbox.Kind.WORKBOOK);
        Integer chosen = null;
        Integer own = null;
        for (Integer i : idx) {
            if (candidate.test(i)) {
                chosen = i;
                if (subs.get(i).sentBy() == null) {
                    own = i;
                }
            }
        }
        if (own != null) {
            chosen = own;
        }
        if (chosen == null) {
            chosen = idx.get(idx.size() - 1);
        }
        Submission cur = subs.get(chosen);
        List<Submission> earlier = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // Late or not is decided by the first readable filing of those that could be current.
        Submission first = null;
        for (Integer i : idx) {
            Submission s = subs.get(i);
            if (first == null && candidate.test(i) && (own == null || s.sentBy() == null)) {
                first = s;
            }
        }
        boolean late = first != null ? first.late() : cur.late();
        if (!late && cur.late()) {
            notes.add("当前报送是截止日期之后收到的更正（" + CollectionWorkbook.time(cur.item().time(), cur.item().timeSource())
                    + "）；首次报送" + (first.item().time() == null ? "的时间不明"
                    : "按时（" + CollectionWorkbook.time(first.item().time(), first.item().timeSource()) + "）") + "，不算逾期");
        }
        for (Integer i : idx) {
            Submission s = subs.get(i);
            if (i.equals(chosen)) {
                continue;
            }
            if (s.readable() && !candidate.test(i)) {
                Submission x = s.with(ItemState.SUPERSEDED, s.note() + "；本单位另有报表工作簿 " + cur.item().origin() + "，以工作簿为准");
                out.set(i, x);
                earlier.add(x);
                notes.add("另收到报告文档“" + s.item().name() + "”（" + s.item().origin() + "），已按标签读取；以报表工作簿“"
                        + cur.item().name() + "”为准");
            } else if (s.readable() && s.sentBy() != null && cur.sentBy() == null) {
                String later = BY_TIME.compare(s, cur) > 0 ? "（比它晚收到）" : "";
                Submission x = s.with(ItemState.SUPERSEDED, s.note() + "；" + agency.name() + "自己另有报送，以 "
                        + cur.item().origin() + " 为准");
                out.set(i, x);
                earlier.add(x);
                notes.add("另收到从" + s.sentBy().name() + "的邮箱 " + s.item().sender() + " 发来的“" + s.item().name() + "”（"
                        + s.item().origin() + "）" + later + "，报表也是本单位的；以本单位自己发来的“" + cur.item().name()
                        + "”为准，请核对");
            } else if (BY_TIME.compare(s, cur) < 0 || s.readable()) {
                // Readable ones are superseded; an earlier unreadable one stays counted as unreadable.
                Submission x = s.with(s.readable() ? ItemState.SUPERSEDED : ItemState.UNREADABLE, "已被 " + cur.item().origin() + " 替代");
                out.set(i, x);
                earlier.add(x);
            } else {
                out.set(i, s.with(ItemState.UNREADABLE, "晚于当前报送收到，但无法读取；当前报送仍为 " + cur.item().origin()));
                notes.add("之后还收到无法读取的文件：" + s.item().origin() + "（" + s.report().read().reason() + "）");
            }
        }
        Submission current = cur.readable() ? cur : cur.with(ItemState.UNREADABLE, cur.note());
        out.set(chosen, current);
        return new Choice(current, earlier, late, notes);
    }
}
