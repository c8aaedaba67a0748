package uk.starred.api.procedure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.calendar.Timescale;

/**
 * A council's IRO dispute resolution procedure, as data.
 *
 * @param id          the procedure's id, stable across versions
 * @param version     its version; a changed definition must carry a new version
 * @param title       its title in the council's words
 * @param appliesTo   the children it serves
 * @param roles       every role it names; a role it does not name has no rights in it
 * @param raisedBy    the roles that raise concerns and drive them: escalate, bypass, curtail,
 *                    refer to CAFCASS, resolve, withdraw (the IRO and the Child Protection Chair)
 * @param stages      its stages, in order
 * @param reasons     its reason taxonomy
 * @param totalLimit  the most its formal stages may take together, or {@code null}
 * @param cafcass     its CAFCASS rules
 * @param caseNotes   case-note type names for the events written on the child's file
 */
public record Procedure(
        String id,
        String version,
        String title,
        Set<Cohort> appliesTo,
        List<String> roles,
        List<String> raisedBy,
        List<Stage> stages,
        List<Reason> reasons,
        Timescale totalLimit,
        CafcassRule cafcass,
        Map<ConcernEvent, String> caseNotes) {

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        appliesTo = Set.copyOf(appliesTo);
        roles = List.copyOf(roles);
        raisedBy = List.copyOf(raisedBy);
        stages = List.copyOf(stages);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(cafcass, "cafcass");
        caseNotes = Map.copyOf(caseNotes);
    }

    public ProcedureRef ref() {
        return new ProcedureRef(id, version);
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** @return the stage's position, 0 for the first, or -1 when there is no such stage */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Reason> reason(String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** @return the case-note type for the event in the stage (the stage's own first), if the procedure writes one */
    public Optional<String> caseNoteType(ConcernEvent event, Stage stage) {
        if (stage != null && stage.caseNotes().containsKey(event)) {
            return Optional.of(stage.caseNotes().get(event));
        }
        return Optional.ofNullable(caseNotes.get(event));
    }
}
