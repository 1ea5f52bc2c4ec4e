package cn.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fingerprint a draft carries: unchanged, edited, and a draft from before drafts carried one. */
class DraftMarkTest {
    private static final byte[] MESSAGE = "Subject: =?UTF-8?B?5oql6KGo?=\r\nTo: a@example.cn\r\n\r\n请查收。\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDraftAsWrittenIsUnchangedAndOnceEditedIsEdited() {
        byte[] draft = OutputGuard.markDraft(MESSAGE);
        assertThat(OutputGuard.draftUnchanged(draft)).isTrue();
        assertThat(OutputGuard.draftEdited(draft)).isFalse();
        byte[] edited = new String(draft, StandardCharsets.UTF_8).replace("请查收", "请于周五前查收").getBytes(StandardCharsets.UTF_8);
        assertThat(OutputGuard.draftUnchanged(edited)).isFalse();
        assertThat(OutputGuard.draftEdited(edited)).isTrue();
    }

    @Test
    void aDraftWithoutAFingerprintIsNotKnownToBeEdited() {
        // Written before drafts carried a fingerprint: not replaced as ours, and not reported by send as edited either.
        byte[] old = ("X-Nianbao-Draft: nianbao 0.9\r\n" + new String(MESSAGE, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(OutputGuard.draftUnchanged(old)).isFalse();
        assertThat(OutputGuard.draftEdited(old)).isFalse();
        assertThat(OutputGuard.draftEdited(MESSAGE)).isFalse();
    }
}
