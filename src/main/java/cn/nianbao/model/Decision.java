package cn.nianbao.model;

/**
 * What a supervisor decided about a finding in the 问题清单 (处理意见, with their 备注), carried to
 * the same finding when the list is written again; {@code noted} says what else was decided about
 * it (empty when nothing). {@code choice} is null for a note alone, or for a decision that lapsed
 * because the finding's values changed (its {@code note} then says 已变化 and what it was).
 */
public record Decision(Choice choice, String note, String noted) {
    public Decision {
        note = note == null ? "" : note;
        noted = noted == null ? "" : noted;
    }

    /** The choices of the 处理意见 dropdown. */
    public enum Choice {
        VERIFIED("已核实无误"),
        ACCEPTED("接受说明"),
        RETURN("需退回修改");

        private final String chinese;

        Choice(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        /** The choice a cell shows, or null when it shows none of them. */
        public static Choice of(String text) {
            String t = text == null ? "" : text.strip();
            for (Choice c : values()) {
                if (c.chinese.equals(t)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Whether the supervisor let the finding stand (已核实无误 or 接受说明), not sent it back. */
    public boolean clears() {
        return choice == Choice.VERIFIED || choice == Choice.ACCEPTED;
    }
}
