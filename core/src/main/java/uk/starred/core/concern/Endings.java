package uk.starred.core.concern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Ending;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.wording.ConcernWords;

/** How a concern ends by someone's decision: resolved, withdrawn, or closed. */
enum Endings {

    RESOLVE("resolve", ConcernStatus.RESOLVED, ConcernEvent.RESOLVED, "resolve a concern", "Resolve concern", "how",
            "Resolved"),
    WITHDRAW("withdraw", ConcernStatus.WITHDRAWN, ConcernEvent.WITHDRAWN, "withdraw a concern", "Withdraw concern",
            "reason", "Withdrawn"),
    CLOSE("close", ConcernStatus.CLOSED, ConcernEvent.CLOSED, "close a concern", "Close concern", "reason", "Closed");

    /** The command that ends a concern in a way its stage names. */
    static final String NAMED = "end";

    final String command;
    private final ConcernStatus ending;
    private final ConcernEvent event;
    private final String right;
    private final String inWords;
    private final String field;
    private final String verb;

    Endings(String command, ConcernStatus ending, ConcernEvent event, String right, String inWords, String field,
            String verb) {
        this.command = command;
        this.ending = ending;
        this.event = event;
        this.right = right;
        this.inWords = inWords;
        this.field = field;
        this.verb = verb;
    }

    void apply(Draft d, String why) {
        Rights.require(d.ctx, d.childId, Rights.resolvers(d.procedure()), right);
        check(why);
        if (this == RESOLVE) {
            Gates.require(d, Gate.RESOLVE, "resolve the concern");
            requireSatisfied(d);
        }
        finish(d, why);
    }

    /**
     * Ends the concern in a way its current stage names ("internal decision only"): decided by the roles
     * the ending names, or else by those who resolve; the reasons are required.
     */
    static void named(Draft d, String endingId, String reasons) {
        StageRecord current = d.current();
        Stage stage = d.stage(current);
        Checks checks = new Checks("End concern");
        checks.require(endingId != null && !endingId.isBlank(), "ending", "is required: one of the stage's endings");
        checks.text("reasons", reasons, Checks.ENDING_MAX);
        checks.done();
        Optional<Ending> named = stage.ending(endingId);
        if (named.isEmpty()) {
            Checks.single("End concern", "ending", stage.endings().isEmpty()
                    ? "stage '" + stage.name() + "' names no ending of its own"
                    : "stage '" + stage.name() + "' has no ending '" + endingId + "'; its endings are "
                            + String.join(", ", stage.endings().stream().map(Ending::id).toList()));
        }
        Ending ending = named.get();
        Rights.require(d.ctx, d.childId, Rights.deciders(d.procedure(), ending),
                "decide that the concern ends: " + ending.name());
        d.complete(current, ConcernWords.endingOutcome(ending.name(), reasons));
        d.end(ConcernStatus.ENDED, reasons);
        d.ending = ending.id();
        d.note(ConcernEvent.ENDED, stage, ConcernWords.endingNote(ending.name(), d.actorName(), stage.name(), reasons));
        tellEnded(d, stage, ConcernWords.endedSubject(ending.name()), ConcernWords.endingOutcome(ending.name(), reasons));
    }

    /** Those the ending concerns are told: the person it was asked of and the stage's participants, not whoever ended it. */
    private static void tellEnded(Draft d, Stage stage, String what, String body) {
        List<String> told = new ArrayList<>(List.of(d.responsiblePerson));
        if (stage != null) {
            told.addAll(d.ctx.people().holders(stage.participants()));
        }
        told.remove(d.actor());
        d.tell(told, ConcernWords.subject(d.childId, what), body);
    }

    void check(String why) {
        Checks checks = new Checks(inWords);
        checks.text(field, why, Checks.ENDING_MAX);
        checks.done();
    }

    /** Refuses to resolve while those whose satisfaction the stage waits for have not given it. */
    private static void requireSatisfied(Draft d) {
        Optional<StageRecord> current = d.currentRecord();
        if (current.isEmpty() || d.stage(current.get()).satisfiedBy() == null) {
            return;
        }
        Stage stage = d.stage(current.get());
        List<String> waiting = Satisfactions.stillToBeSatisfied(current.get(), stage.satisfiedBy());
        if (!waiting.isEmpty()) {
            throw new StageNotAllowedException("'" + d.procedure().title() + "' resolves a concern at stage '"
                    + stage.name() + "' only when " + ConcernWords.satisfiedRule(stage.satisfiedBy().allOf(),
                            stage.satisfiedBy().roles()) + " satisfied; still to say so: "
                    + ConcernWords.listed(waiting));
        }
    }

    /** The concern ends, once whoever decides it may: at its stage, the people told. */
    void finish(Draft d, String why) {
        Optional<StageRecord> current = d.currentRecord();
        Stage stage = current.map(d::stage).orElse(null);
        current.ifPresent(s -> d.complete(s, ConcernWords.endingOutcome(verb, why)));
        d.end(ending, why);
        d.note(event, stage, ConcernWords.endingNote(verb, d.actorName(), stage == null ? null : stage.name(), why));
        tellEnded(d, stage, verb.toLowerCase(java.util.Locale.ROOT), ConcernWords.endingOutcome(verb, why));
    }
}
