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
 * @param permissions who may raise, escalate, resolve and refer to CAFCASS
 * @param stages      its stages, in order
 * @param reasons     its reason taxonomy; empty when the procedure has none, and a concern is then
 *                    raised for a reason described in words ({@link Reason#OTHER})
 * @param totalLimit  the most its formal stages may take together, or {@code null}
 * @param cafcass     its CAFCASS rule; {@link CafcassRule#NATIONAL} when it gives none
 * @param caseNotes   case-note type names for the events written on the child's file
 * @param format      the descriptor format it was written in: 1 or 2
 * @param keepInformed how the child and family are kept informed, or {@code null} when the procedure
 *                    says nothing of it (since 2.2)
 * @param openedBy    what else in Starred opens a concern under the procedure by itself; empty when only
 *                    people raise them (since 2.3)
 */
public record Procedure(
        String id,
        String version,
        String title,
        Set<Cohort> appliesTo,
        List<String> roles,
        Permissions permissions,
        List<Stage> stages,
        List<Reason> reasons,
        Timescale totalLimit,
        CafcassRule cafcass,
        Map<ConcernEvent, String> caseNotes,
        int format,
        KeepInformed keepInformed,
        List<Opening> openedBy) {

    /** The procedure as version 2.2 of this package had it. */
    public Procedure(String id, String version, String title, Set<Cohort> appliesTo, List<String> roles,
            Permissions permissions, List<Stage> stages, List<Reason> reasons, Timescale totalLimit,
            CafcassRule cafcass, Map<ConcernEvent, String> caseNotes, int format, KeepInformed keepInformed) {
        this(id, version, title, appliesTo, roles, permissions, stages, reasons, totalLimit, cafcass, caseNotes, format,
                keepInformed, List.of());
    }

    /** The procedure as version 2.1 of this package had it. */
    public Procedure(String id, String version, String title, Set<Cohort> appliesTo, List<String> roles,
            Permissions permissions, List<Stage> stages, List<Reason> reasons, Timescale totalLimit,
            CafcassRule cafcass, Map<ConcernEvent, String> caseNotes, int format) {
        this(id, version, title, appliesTo, roles, permissions, stages, reasons, totalLimit, cafcass, caseNotes, format,
                null, List.of());
    }

    /** The format Starred writes and reads by default. */
    public static final int CURRENT_FORMAT = 2;

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        appliesTo = Set.copyOf(appliesTo);
        roles = List.copyOf(roles);
        Objects.requireNonNull(permissions, "permissions");
        stages = List.copyOf(stages);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        cafcass = cafcass == null ? CafcassRule.NATIONAL : cafcass;
        caseNotes = caseNotes == null ? Map.of() : Map.copyOf(caseNotes);
        format = format == 0 ? CURRENT_FORMAT : format;
        openedBy = openedBy == null ? List.of() : List.copyOf(openedBy);
    }

    /** @return how the procedure opens a concern by itself on the event, if it does (since 2.3) */
    public Optional<Opening> openedOn(OpeningEvent event) {
        return openedBy.stream().filter(o -> o.when() == event).findFirst();
    }

    /**
     * A procedure in the current format.
     */
    public Procedure(String id, String version, String title, Set<Cohort> appliesTo, List<String> roles,
            Permissions permissions, List<Stage> stages, List<Reason> reasons, Timescale totalLimit,
            CafcassRule cafcass, Map<ConcernEvent, String> caseNotes) {
        this(id, version, title, appliesTo, roles, permissions, stages, reasons, totalLimit, cafcass, caseNotes,
                CURRENT_FORMAT, null, List.of());
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

    /**
     * @return the index of the last stage a concern can escalate to: the last stage, unless the last is
     *         entered only by a referral to CAFCASS (since 2.1)
     */
    public int lastEscalationIndex() {
        int last = stages.size() - 1;
        while (last > 0 && stages.get(last).enteredByReferral()) {
            last--;
        }
        return last;
    }

    /** @return the stage a referral to CAFCASS enters, if the procedure names one (since 2.1) */
    public Optional<Stage> referralStage() {
        return stages.stream().filter(Stage::enteredByReferral).findFirst();
    }

    /** @return the reason with the code; {@link Reason#OTHER} where the procedure has no taxonomy */
    public Optional<Reason> reason(String code) {
        if (reasons.isEmpty()) {
            return Reason.OTHER.code().equals(code) ? Optional.of(Reason.OTHER) : Optional.empty();
        }
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
