package uk.starred.core.concern;

import java.time.LocalDate;
import java.util.List;

import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Opening;
import uk.starred.api.procedure.OpeningEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.api.review.Review;
import uk.starred.core.wording.ConcernWords;
import uk.starred.core.wording.OpeningWords;

/**
 * A concern the procedure opens by itself ({@link Opening}): in the name of the child's IRO, asked of the
 * first person holding one of the stage's responder roles for the child, with the IRO's timescale the
 * procedure's total limit from that day (the IRO Handbook's 20 working days where it sets none).
 */
public final class Openings {

    /** The IRO Handbook's 20 working days, for the IRO's timescale where the procedure sets no total limit. */
    static final int HANDBOOK_WORKING_DAYS = 20;

    /**
     * What opening came to: the concern's transition, or why none was opened (in words for the child's
     * review history, naming no one).
     */
    public record Opened(Transition transition, String notOpened) {
    }

    private Openings() {
    }

    /**
     * A manager disagreed with the review's decisions in writing: the concern opens at the procedure's
     * stage, for its reason, the manager's reasons its description.
     *
     * @param review   the review whose decisions are disputed, as held and circulated
     * @param reasons  the manager's reasons, in their words
     * @param iroRole  the role that chairs the child's reviews, in whose name the concern is opened
     * @param ctx      the manager who disagreed, acting now, under the procedure selected for the child
     */
    public static Opened reviewDecisionsDisputed(ConcernId id, String childId, Review review, String reasons,
            String iroRole, CommandContext ctx) {
        Procedure procedure = ctx.procedure();
        Opening opening = procedure.openedOn(OpeningEvent.REVIEW_DECISIONS_DISPUTED).orElse(null);
        if (opening == null) {
            return new Opened(null, null);
        }
        if (!procedure.permissions().raise().contains(iroRole)) {
            return new Opened(null, OpeningWords.notOpened(procedure.title(), "the " + iroRole + " may not raise a"
                    + " concern under it"));
        }
        List<String> iros = ctx.people().holders(List.of(iroRole));
        if (iros.isEmpty()) {
            return new Opened(null, OpeningWords.notOpened(procedure.title(), "the child has no " + iroRole));
        }
        Stage stage = procedure.stage(opening.atStage()).orElseThrow(() -> new IllegalStateException(
                "stage " + opening.atStage() + " missing from " + procedure.ref()));
        List<String> responders = ctx.people().holders(stage.responders().isEmpty() ? stage.participants()
                : stage.responders());
        if (responders.isEmpty()) {
            return new Opened(null, OpeningWords.notOpened(procedure.title(), "nobody holds "
                    + String.join(" or ", stage.responders()) + " for the child, to respond at '" + stage.name() + "'"));
        }
        String iro = iros.get(0);
        String responsible = responders.get(0);
        LocalDate today = ctx.today();
        LocalDate remedyDueBy = procedure.totalLimit() != null
                ? LocalDate.ofInstant(ctx.calendar().dueMoment(ctx.now(), procedure.totalLimit()).minusNanos(1),
                        ctx.calendar().zone())
                : ctx.calendar().addWorkingDays(today, HANDBOOK_WORKING_DAYS);
        String description = OpeningWords.reviewDisputedDescription(review.number(), review.heldOn(), reasons);
        String remedyWanted = OpeningWords.reviewDisputedRemedy(review.number());
        Draft d = new Draft(ctx, id, childId, ConcernOrigin.REVIEW_DECISIONS_DISPUTED, List.of(opening.reason()),
                description, remedyWanted, remedyDueBy, responsible, review.heldOn(), iro);
        Reason reason = procedure.reason(opening.reason()).orElseThrow();
        d.note(ConcernEvent.RAISED, null, OpeningWords.openedByReviewNote(d.actorName(), ctx.people().nameOf(iro),
                procedure.title(), opening.reason(), reason.label(), description, remedyWanted, remedyDueBy,
                ctx.people().nameOf(responsible)));
        d.tell(List.of(iro, responsible), ConcernWords.subject(childId, OpeningWords.OPENED_BY_REVIEW),
                OpeningWords.openedByReviewNotice(d.actorName(), description, remedyWanted, remedyDueBy));
        Movement.enter(d, stage, OpeningWords.openedAtStage(review.number()));
        return new Opened(d.transition("openedByReviewDispute", null), null);
    }
}
