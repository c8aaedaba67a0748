package uk.starred.core.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.Response;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.core.law.TheLaw;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.StageClock;
import uk.starred.core.wording.ConcernWords;

/**
 * What happens when one of a concern's due moments passes: those who must act are told, and the
 * procedure's rule for a missed deadline applies (agreement deemed, the next stage, the IRO prompted).
 * Also what a change of the working calendar does to the moments not yet reached.
 */
final class DeadlineRules {

    private DeadlineRules() {
    }

    /** @return what the moment does, or empty when what it waited for has already happened */
    static Optional<Transition> fire(Concern c, DueKey key, CommandContext ctx) {
        Draft d = new Draft(ctx, c);
        d.changed = false;
        String outcome = apply(d, key);
        return outcome == null ? Optional.empty() : Optional.of(d.transition("deadline " + key.kind(), outcome));
    }

    private static String apply(Draft d, DueKey key) {
        ConcernWords words = new ConcernWords(d.ctx.calendar().zone());
        String child = d.childId;
        switch (key.kind()) {
            case STAGE_DUE_SOON, STAGE_DUE -> {
                StageRecord current = d.currentRecord().orElse(null);
                if (d.status != ConcernStatus.OPEN || current == null || current.ordinal() != key.item()
                        || !StageClock.running(current)) {
                    return null;
                }
                Stage stage = d.stage(current);
                Instant dueAt = current.dueAt();
                List<String> mustAct = mustAct(d, current, stage);
                if (key.kind() == DeadlineKind.STAGE_DUE_SOON) {
                    if (!d.now().isBefore(dueAt)) {
                        return null; // come too late (the runner was down): the overdue message says it all
                    }
                    d.tell(mustAct, ConcernWords.subject(child, ConcernWords.dueSoonSubject(stage.name())),
                            words.dueSoonNotice(stage.name(), dueAt));
                    return "due soon: told " + String.join(", ", mustAct);
                }
                return stageDue(d, current, stage, mustAct, words);
            }
            case AGREED_ACTION_DUE -> {
                if (key.item() < 1 || key.item() > d.agreedActions.size()
                        || d.agreedActions.get(key.item() - 1).isCompleted()) {
                    return null;
                }
                AgreedAction action = d.agreedActions.get(key.item() - 1);
                // "the IRO will notify the Service Manager": whom the stage it was agreed at names
                Stage agreedAt = agreedAt(d);
                List<String> told = new ArrayList<>(List.of(action.responsible(), d.raisedBy));
                if (agreedAt != null) {
                    told.addAll(d.ctx.people().holders(agreedAt.overdueActionsTold()));
                }
                String overdue = ConcernWords.agreedActionOverdue(key.item(), action.dueBy());
                d.tell(told, ConcernWords.subject(child, ConcernWords.agreedActionOverdueSubject(key.item())), overdue);
                d.note(ConcernEvent.AGREED_ACTION_OVERDUE, agreedAt, overdue);
                return "agreed action " + key.item() + " overdue: told " + String.join(", ", told);
            }
            case FORMAL_LIMIT -> {
                if (d.status != ConcernStatus.OPEN) {
                    return null;
                }
                d.tell(List.of(d.raisedBy, d.responsiblePerson), ConcernWords.subject(child, ConcernWords.BEYOND_LIMIT),
                        ConcernWords.beyondLimitNotice(d.procedure().title(), d.procedure().totalLimit()));
                return "formal process beyond its limit: told " + d.raisedBy + ", " + d.responsiblePerson;
            }
            case CAFCASS_DECISION_DUE -> {
                if (!Referrals.awaitingDecision(d.before)) {
                    return null;
                }
                d.tell(List.of(d.raisedBy), ConcernWords.subject(child, ConcernWords.CAFCASS_OVERDUE),
                        ConcernWords.CAFCASS_OVERDUE_NOTICE);
                return "CAFCASS decision overdue: told " + d.raisedBy;
            }
            default -> throw new IllegalArgumentException("a concern has no due moment of kind " + key.kind());
        }
    }

    /** @return the stage whose response agreed the actions, or {@code null} when none is on record */
    private static Stage agreedAt(Draft d) {
        return d.stages.stream().filter(s -> s.response() != null)
                .filter(s -> s.response().kind() == ResponseKind.AGREE || s.response().kind() == ResponseKind.DEEMED_AGREEMENT)
                .reduce((a, b) -> b).map(d::stage).orElse(null);
    }

    /** @return who must act on the stage: its responder while no response is recorded, and the IRO */
    private static List<String> mustAct(Draft d, StageRecord current, Stage stage) {
        List<String> mustAct = new ArrayList<>();
        if (stage.asksResponse() && current.response() == null) {
            mustAct.addAll(d.ctx.people().holders(stage.responders()));
        }
        mustAct.add(d.raisedBy);
        return mustAct;
    }

    /** A stage's timescale has run out: tell those who must act, then apply the procedure's rule. */
    private static String stageDue(Draft d, StageRecord current, Stage stage, List<String> mustAct,
            ConcernWords words) {
        Instant dueAt = current.dueAt();
        d.tell(mustAct, ConcernWords.subject(d.childId, ConcernWords.overdueSubject(stage.name())),
                words.overdueNotice(stage.name(), dueAt));
        String told = "overdue: told " + String.join(", ", mustAct);
        boolean silence = current.response() == null;
        return rule(d, current, stage, silence ? stage.onSilence() : stage.afterResponse(), silence, told, words);
    }

    /** @return what the procedure's rule did, after what the overdue notice did */
    private static String rule(Draft d, StageRecord current, Stage stage, OnDeadline rule, boolean silence,
            String told, ConcernWords words) {
        Instant dueAt = current.dueAt();
        switch (rule) {
            case DEEMED_AGREEMENT -> {
                if (!stage.asksResponse() || !silence) {
                    return told;
                }
                d.respond(current, new Response(ResponseKind.DEEMED_AGREEMENT, null, d.actor(), d.now()));
                d.changed = true;
                d.agree(d.remedyWanted, d.responsiblePerson, d.remedyDueBy);
                d.note(ConcernEvent.RESPONSE_RECORDED, stage, words.deemedNote(stage.responders(), stage.name(),
                        dueAt));
                d.tell(List.of(d.raisedBy), ConcernWords.subject(d.childId, ConcernWords.DEEMED),
                        words.deemedNotice(stage.responders(), dueAt));
                return told + "; agreement deemed";
            }
            case NEXT_STAGE -> {
                Procedure procedure = d.procedure();
                int at = procedure.indexOf(stage.id());
                if (at + 1 <= procedure.lastEscalationIndex()) {
                    Stage next = procedure.stages().get(at + 1);
                    d.complete(current, ConcernWords.movedOnOutcome(next.name()));
                    d.changed = true;
                    Movement.enter(d, next, ConcernWords.movedOnEntry(stage.name()));
                    return told + "; moved to stage '" + next.name() + "'";
                }
                return prompt(d, stage, told, ConcernWords.decisionNeededNotice(stage.name()));
            }
            case PROMPT_IRO -> {
                return prompt(d, stage, told, ConcernWords.decisionNeededNotice(stage.name()));
            }
            case REFER_TO_CAFCASS -> {
                if (!TheLaw.mayBeReferred(d.ctx.people().child())) {
                    return prompt(d, stage, told + "; referral the procedure asks for is not open in law ("
                            + TheLaw.REFERRAL + ")", ConcernWords.referralForbiddenNotice(stage.name(), TheLaw.REFERRAL));
                }
                List<String> referrers = new ArrayList<>(List.of(d.raisedBy));
                referrers.addAll(d.ctx.people().holders(Rights.referrers(d.procedure())));
                String required = ConcernWords.referralRequiredNotice(stage.name());
                d.tell(referrers, ConcernWords.subject(d.childId, ConcernWords.REFERRAL_REQUIRED), required);
                d.note(ConcernEvent.DEADLINE_PASSED, stage, required);
                return told + "; the procedure requires a referral to CAFCASS: told " + String.join(", ", referrers);
            }
            default -> {
                return told;
            }
        }
    }

    /** The IRO is asked to decide what happens next, in the words given, and it goes on the file. */
    private static String prompt(Draft d, Stage stage, String told, String decide) {
        d.tell(List.of(d.raisedBy), ConcernWords.subject(d.childId, ConcernWords.DECISION_NEEDED), decide);
        d.note(ConcernEvent.DEADLINE_PASSED, stage, decide);
        return told + "; " + d.raisedBy + " prompted to decide";
    }

    /**
     * After the working calendar changed: moves the due moments not yet reached to where the calendar
     * now puts them, from the moment each clock started; moments already passed stay.
     *
     * @return the change, with the IRO told, or empty when nothing moved
     */
    static Optional<Transition> recompute(Concern c, String why, CommandContext ctx) {
        if (c.status() != ConcernStatus.OPEN) {
            return Optional.empty();
        }
        Draft d = new Draft(ctx, c);
        ConcernWords words = new ConcernWords(ctx.calendar().zone());
        Instant now = ctx.now();
        Procedure procedure = ctx.procedure();
        List<String> changes = new ArrayList<>();
        d.currentRecord().ifPresent(current -> {
            Stage stage = d.stage(current);
            if (current.dueAt() != null && current.dueAt().isAfter(now) && stage.timescale() != null) {
                Instant due = Clocks.due(d, stage, Clocks.start(d, stage, current.enteredAt(),
                        d.stages.subList(0, current.ordinal() - 1)));
                if (!due.equals(current.dueAt())) {
                    d.moveDue(current, due);
                    changes.add(words.stageDueMoved(stage.name(), due, current.dueAt()));
                }
            }
        });
        if (d.formalDueAt != null && d.formalDueAt.isAfter(now) && procedure.totalLimit() != null) {
            c.stages().stream().filter(s -> s.state() != StageState.BYPASSED)
                    .filter(s -> procedure.stage(s.stageId()).map(Stage::formal).orElse(false)).findFirst()
                    .ifPresent(first -> {
                        Instant limit = ctx.calendar().dueMoment(first.enteredAt(), procedure.totalLimit());
                        if (!limit.equals(d.formalDueAt)) {
                            changes.add(words.limitMoved(limit, d.formalDueAt));
                            d.formalDueAt = limit;
                        }
                    });
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        d.tell(List.of(d.raisedBy), ConcernWords.subject(d.childId, ConcernWords.DUE_MOVED),
                ConcernWords.calendarChangedNotice(why, changes));
        return Optional.of(d.transition("calendarChanged", null));
    }
}
