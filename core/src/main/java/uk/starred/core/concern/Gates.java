package uk.starred.core.concern;

import java.util.List;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/** Required actions that must be recorded in a stage before a step is taken from it. */
final class Gates {

    private Gates() {
    }

    /**
     * Refuses the step while a required action gating it is not yet recorded in the current stage.
     *
     * @param what the step in words, for the refusal ("escalate the concern")
     */
    static void require(Draft d, Gate step, String what) {
        StageRecord current = d.currentRecord().orElse(null);
        if (current == null) {
            return;
        }
        Stage stage = d.stage(current);
        List<String> missing = stage.gating(step).stream()
                .filter(a -> current.actions().stream().noneMatch(done -> done.actionId().equals(a.id())))
                .map(RequiredAction::description).toList();
        if (!missing.isEmpty()) {
            throw new StageNotAllowedException("'" + d.procedure().title() + "' requires, before you " + what
                    + " from stage '" + stage.name() + "': " + String.join("; ", missing)
                    + (missing.size() == 1 ? " (not yet recorded)" : " (none yet recorded)"));
        }
    }
}
