package uk.starred.core.wording;

import java.util.Set;

import uk.starred.api.alert.Rag;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Cohort;

/**
 * How each of the record's values reads to a person, in the seeds' own terms: the one place for
 * these words, which the screens, the case notes and the notifications all use. Labels start with a
 * capital; {@link #inSentence(String)} gives the form used inside a sentence.
 */
public final class Labels {

    private Labels() {
    }

    public static String status(ConcernStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case RESOLVED -> "Resolved";
            case WITHDRAWN -> "Withdrawn";
            case REFERRED_TO_CAFCASS -> "Referred to CAFCASS";
            case CLOSED -> "Closed";
            case ENDED -> "Ended as its procedure provides";
        };
    }

    /** @return the concern's status in words; one ended as its stage provides names the ending, as its procedure words it */
    public static String status(uk.starred.api.concern.Concern concern, uk.starred.api.procedure.Procedure procedure) {
        if (concern.status() == ConcernStatus.ENDED && procedure != null && !concern.stages().isEmpty()) {
            String stageId = concern.stages().get(concern.stages().size() - 1).stageId();
            return procedure.stage(stageId).flatMap(s -> s.ending(concern.ending()))
                    .map(e -> "Ended: " + e.name()).orElse(status(concern.status()));
        }
        return status(concern.status());
    }

    public static String stageState(StageState state) {
        return switch (state) {
            case ACTIVE -> "Current stage";
            case COMPLETED -> "Completed";
            case BYPASSED -> "Bypassed";
        };
    }

    public static String response(ResponseKind kind) {
        return switch (kind) {
            case AGREE -> "Agreed";
            case DISAGREE -> "Disagreed";
            case NO_REMIT -> "No remit to resolve it";
            case DEEMED_AGREEMENT -> "Deemed agreed: no response within the timescale";
        };
    }

    public static String referralMode(ReferralMode mode) {
        return switch (mode) {
            case CONCURRENT -> "Alongside the dispute resolution process";
            case AT_END -> "At the end of the process";
            case CURTAILED -> "Process curtailed: the child's need is urgent";
        };
    }

    public static String decision(CafcassDecision decision) {
        return switch (decision) {
            case PROCEEDINGS -> "CAFCASS will bring proceedings";
            case NO_PROCEEDINGS -> "CAFCASS will not bring proceedings";
        };
    }

    public static String origin(ConcernOrigin origin) {
        return origin.words();
    }

    /** @return the RAG as the word shown with its colour, never colour alone */
    public static String rag(Rag rag) {
        return switch (rag) {
            case RED -> "Overdue";
            case AMBER -> "Due soon";
            case GREEN -> "On track";
        };
    }

    /** @return a child's legal status in words: "looked after and on a child protection plan" */
    public static String cohorts(Set<Cohort> cohorts) {
        if (cohorts.isEmpty()) {
            return "neither looked after nor on a child protection plan";
        }
        return cohorts.stream().map(c -> c == Cohort.LOOKED_AFTER ? "looked after" : "on a child protection plan")
                .sorted().reduce((a, b) -> a + " and " + b).orElseThrow();
    }

    /**
     * @return the label as it reads inside a sentence: its first letter small, unless the first word
     *         is an abbreviation ("CAFCASS will ...", "IRO")
     */
    public static String inSentence(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
