package uk.starred.api.procedure;

import java.util.List;

/**
 * Keeping the child, the parents and the carers informed of the dispute's progress ("the IRO is to
 * determine how best to keep the child or young person, parents and carers informed of the progress
 * throughout each stage"). At each stage named, Starred drafts a plain-language update from the
 * concern and these words (what was raised, where it is now, what happens next and by when, who to
 * contact, the right to an advocate); the IRO adapts it, sends it as they judge best, and records it
 * sent, which puts it on the child's file. Since 2.2.
 *
 * @param stages   the ids of the stages at which an update is due; empty means every stage
 * @param contact  who the child and family may contact, in the procedure's words, or {@code null} for the
 *                 IRO who raised the concern, by name
 * @param advocacy what the update says of the right to an advocate, or {@code null} for the national
 *                 words (Children Act 1989 s26A)
 */
public record KeepInformed(List<String> stages, String contact, String advocacy) {

    /** What an update says of advocacy when the procedure gives no words of its own: the law's offer. */
    public static final String NATIONAL_ADVOCACY = "You have the right to an independent advocate who can help you"
            + " say what you think and make sure you are heard (Children Act 1989, section 26A).";

    public KeepInformed {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** @return whether an update is due at the stage */
    public boolean at(String stageId) {
        return stages.isEmpty() || stages.contains(stageId);
    }

    /** @return the words on advocacy: the procedure's, or the national ones */
    public String advocacyWords() {
        return advocacy == null || advocacy.isBlank() ? NATIONAL_ADVOCACY : advocacy;
    }
}
