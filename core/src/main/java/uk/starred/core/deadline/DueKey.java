package uk.starred.core.deadline;

import java.util.Objects;

import uk.starred.api.deadline.DeadlineKind;

/**
 * Which of a subject's due moments this is: its kind and the item it counts (the stage's ordinal in
 * the concern's history, the agreed action's number, the review's number; 0 when a subject has only
 * one of the kind).
 */
public record DueKey(DeadlineKind kind, int item) {

    public DueKey {
        Objects.requireNonNull(kind, "kind");
    }
}
