package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.MoreTimeRequest;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.MoreTime;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.deadline.Urgency;
import uk.starred.core.wording.MoreTimeWords;

/**
 * More time asked for at a stage and decided ("where there is insufficient explanation for why more time
 * is required, the IRO will raise a Formal Alert"): only where the stage offers it, by the roles it names.
 */
public final class MoreTimeRules {

    private MoreTimeRules() {
    }

    /** @return the roles that may ask for more time at the stage: those it names, or else its responders */
    public static List<String> requesters(Stage stage) {
        MoreTime rule = stage.moreTime();
        return rule == null ? List.of() : rule.requestedBy().isEmpty() ? stage.responders() : rule.requestedBy();
    }

    /** @return the roles that decide a request at the stage: those it names, or else those who escalate */
    public static List<String> deciders(Procedure procedure, Stage stage) {
        MoreTime rule = stage.moreTime();
        return rule == null ? List.of() : rule.decidedBy().isEmpty() ? Rights.escalators(procedure) : rule.decidedBy();
    }

    static void request(Draft d, String explanation, LocalDate until) {
        StageRecord current = d.current();
        Stage stage = d.stage(current);
        offered(d, stage);
        Rights.require(d.ctx, d.childId, requesters(stage), "ask for more time in stage '" + stage.name() + "'");
        if (current.dueAt() == null) {
            throw new StageNotAllowedException("stage '" + stage.name() + "' has no due moment yet to move");
        }
        LocalDate dueDay = lastDay(d, current.dueAt());
        Checks checks = new Checks("Ask for more time");
        checks.text("explanation", explanation, Checks.TEXT_MAX);
        if (until == null) {
            checks.add("until", "is required: the day you ask the stage to be due by");
        } else if (!until.isAfter(dueDay)) {
            checks.add("until", "must be after " + dueDay + ", the day stage '" + stage.name() + "' is due by now");
        }
        if (pending(d, current) != null) {
            checks.add("until", "a request for more time at stage '" + stage.name() + "' waits for a decision already");
        }
        checks.done();
        d.moreTime.add(new MoreTimeRequest(d.moreTime.size() + 1, current.ordinal(), d.actor(), d.now(), explanation,
                until, null, null, null, null));
        String said = MoreTimeWords.requested(d.actorName(), stage.name(), until, explanation);
        d.note(ConcernEvent.MORE_TIME_REQUESTED, stage, said);
        List<String> deciders = new ArrayList<>(List.of(d.raisedBy));
        deciders.addAll(d.ctx.people().holders(deciders(d.procedure(), stage)));
        deciders.remove(d.actor());
        d.tell(deciders, MoreTimeWords.subject(d.childId, stage.name()), said + " " + MoreTimeWords.decideBy(dueDay));
    }

    static void decide(Draft d, boolean granted, String reasons) {
        StageRecord current = d.current();
        Stage stage = d.stage(current);
        offered(d, stage);
        Rights.require(d.ctx, d.childId, deciders(d.procedure(), stage),
                "decide a request for more time in stage '" + stage.name() + "'");
        MoreTimeRequest request = pending(d, current);
        Checks checks = new Checks("Decide a request for more time");
        if (request == null) {
            checks.add("granted", "no request for more time waits for a decision at stage '" + stage.name() + "'");
        }
        if (!granted && (reasons == null || reasons.isBlank())) {
            checks.add("reasons", "are required when refusing: say why the explanation is not enough");
        }
        checks.optional("reasons", reasons, Checks.TEXT_MAX);
        checks.done();
        d.moreTime.set(request.number() - 1, new MoreTimeRequest(request.number(), request.stageOrdinal(),
                request.requestedBy(), request.requestedAt(), request.explanation(), request.until(), granted,
                d.actor(), d.now(), reasons == null || reasons.isBlank() ? null : reasons));
        Instant was = current.dueAt();
        if (granted) {
            d.moveDue(current, Urgency.endOf(request.until(), d.ctx.calendar().zone()));
        }
        String said = MoreTimeWords.decided(d.actorName(), granted, stage.name(), request.until(),
                lastDay(d, was), reasons);
        d.note(ConcernEvent.MORE_TIME_DECIDED, stage, said);
        List<String> told = new ArrayList<>(List.of(request.requestedBy(), d.raisedBy));
        told.remove(d.actor());
        d.tell(told, MoreTimeWords.subject(d.childId, stage.name()), said);
    }

    private static void offered(Draft d, Stage stage) {
        if (stage.moreTime() == null) {
            throw new StageNotAllowedException("'" + d.procedure().title() + "' offers no more time at stage '"
                    + stage.name() + "'");
        }
    }

    private static MoreTimeRequest pending(Draft d, StageRecord current) {
        return d.moreTime.stream().filter(r -> r.stageOrdinal() == current.ordinal() && r.pending()).findFirst()
                .orElse(null);
    }

    /** @return the last day a due moment leaves: a deadline is the midnight ending it */
    private static LocalDate lastDay(Draft d, Instant due) {
        return LocalDate.ofInstant(due.minusNanos(1), d.ctx.calendar().zone());
    }
}
