package uk.starred.core.concern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.Satisfaction;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.SatisfiedBy;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.wording.ConcernWords;

/**
 * Where a stage names whose satisfaction resolves the concern: each of them says whether they are
 * satisfied, with reasons, and the answer that completes what the procedure asks resolves it.
 */
final class Satisfactions {

    private Satisfactions() {
    }

    /**
     * Records the person's answer at the current stage.
     *
     * @return whether the concern is now resolved by it
     */
    static boolean record(Draft d, boolean satisfied, String reasons) {
        StageRecord current = d.current();
        Stage stage = d.stage(current);
        SatisfiedBy rule = stage.satisfiedBy();
        if (rule == null) {
            throw new StageNotAllowedException("stage '" + stage.name() + "' names nobody whose satisfaction"
                    + " resolves the concern; those who may resolve it do so");
        }
        Rights.require(d.ctx, d.childId, rule.roles(), "say whether they are satisfied in stage '" + stage.name()
                + "'");
        Checks checks = new Checks("Record satisfaction");
        checks.optional("reasons", reasons, Checks.TEXT_MAX);
        if (!satisfied && (reasons == null || reasons.isBlank())) {
            checks.add("reasons", "are required when not satisfied");
        }
        checks.done();
        String role = rule.roles().stream().filter(r -> Rights.holds(d.ctx, r)).findFirst().orElseThrow();
        d.satisfy(current, new Satisfaction(role, d.actor(), satisfied, reasons, d.now()));
        d.note(ConcernEvent.SATISFACTION_RECORDED, stage, ConcernWords.satisfactionNote(d.actorName(), role, satisfied,
                reasons, stage.name()));
        List<String> waiting = stillToBeSatisfied(d.current(), rule);
        if (waiting.isEmpty()) {
            return true;
        }
        List<String> told = new ArrayList<>(List.of(d.raisedBy, d.responsiblePerson));
        told.addAll(d.ctx.people().holders(rule.roles()));
        told.remove(d.actor());
        d.tell(told, ConcernWords.subject(d.childId, ConcernWords.SATISFACTION),
                ConcernWords.satisfactionNotice(d.actorName(), role, satisfied, reasons, rule.allOf(), waiting));
        return false;
    }

    /**
     * @return the roles whose satisfaction the stage still waits for: every role not yet satisfied (all
     *         of), or all of them while none is (any of); empty when the concern may be resolved
     */
    static List<String> stillToBeSatisfied(StageRecord record, SatisfiedBy rule) {
        Map<String, Boolean> latest = new LinkedHashMap<>();
        record.satisfactions().forEach(a -> latest.put(a.role(), a.satisfied()));
        List<String> waiting = rule.roles().stream().filter(r -> !latest.getOrDefault(r, false)).toList();
        if (rule.allOf()) {
            return waiting;
        }
        return waiting.size() < rule.roles().size() ? List.of() : waiting;
    }
}
