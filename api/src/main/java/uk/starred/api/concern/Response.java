package uk.starred.api.concern;

import java.time.Instant;

/**
 * A manager's response in a stage.
 *
 * @param kind    agree, disagree, no remit, or agreement deemed from silence
 * @param reasons the reasons given (required for a disagreement)
 * @param by      the staff id of who responded, or {@code null} for a deemed agreement
 * @param at      when
 */
public record Response(ResponseKind kind, String reasons, String by, Instant at) {
}
