package cn.nianbao.read.source;

/** A document that cannot be read, with the reason as a user reads it (Chinese, no class names). */
public final class UnreadableDocument extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableDocument(String reason) {
        super(reason, null, false, false);
    }

    /** The reason in Chinese. */
    public String reason() {
        return getMessage();
    }
}
