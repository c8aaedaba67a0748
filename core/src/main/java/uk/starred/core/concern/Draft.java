package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.CafcassReferral;
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.MoreTimeRequest;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.Response;
import uk.starred.api.concern.Satisfaction;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.procedure.Stage;
import uk.starred.core.wording.OpeningWords;

/**
 * A concern while one command works on it: the state it will be left in, and the notes and notices
 * it causes. Mutable, and never seen outside the package; the command ends by making it a
 * {@link Transition}.
 */
final class Draft {

    final CommandContext ctx;
    final Concern before;

    final ConcernId id;
    final String childId;
    final ProcedureRef procedureRef;
    final ConcernOrigin origin;
    final List<String> reasonCodes;
    final String description;
    final String remedyWanted;
    /** The IRO's timescale for the remedy, which the IRO may set anew on moving the concern on. */
    LocalDate remedyDueBy;
    final String responsiblePerson;
    final String raisedBy;
    final Instant raisedAt;
    final LocalDate reviewDate;
    ConcernStatus status;
    final List<StageRecord> stages;
    final List<AgreedAction> agreedActions;
    final List<Communication> communications;
    final List<MoreTimeRequest> moreTime;
    CafcassReferral cafcass;
    Instant formalDueAt;
    Instant endedAt;
    String endReason;
    /** The stage's ending the concern ended by, with {@link ConcernStatus#ENDED}. */
    String ending;

    /**
     * When the step happened, where it is recorded late (an escalation made on Monday, recorded on Wednesday):
     * the stages it ends and begins take this moment. {@code null}: it happens now.
     */
    Instant occurred;

    final List<NoteOnFile> notes = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    /** Whether the concern changed, where a due moment may only tell people. */
    boolean changed = true;

    /** A concern being raised. */
    Draft(CommandContext ctx, ConcernId id, String childId, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson,
            LocalDate reviewDate) {
        this(ctx, id, childId, origin, reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson,
                reviewDate, ctx.actor());
    }

    /** A concern being opened in the name of {@code raisedBy}, by what {@code ctx}'s actor recorded. */
    Draft(CommandContext ctx, ConcernId id, String childId, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson,
            LocalDate reviewDate, String raisedBy) {
        this.ctx = ctx;
        this.before = null;
        this.id = id;
        this.childId = childId;
        this.procedureRef = ctx.procedure().ref();
        this.origin = origin;
        this.reasonCodes = List.copyOf(reasonCodes);
        this.description = description;
        this.remedyWanted = remedyWanted;
        this.remedyDueBy = remedyDueBy;
        this.responsiblePerson = responsiblePerson;
        this.raisedBy = raisedBy;
        this.raisedAt = ctx.now();
        this.reviewDate = reviewDate;
        this.status = ConcernStatus.OPEN;
        this.stages = new ArrayList<>();
        this.agreedActions = new ArrayList<>();
        this.communications = new ArrayList<>();
        this.moreTime = new ArrayList<>();
    }

    /** A concern as stored, about to change. */
    Draft(CommandContext ctx, Concern c) {
        this.ctx = ctx;
        this.before = c;
        this.id = c.id();
        this.childId = c.childId();
        this.procedureRef = c.procedure();
        this.origin = c.origin();
        this.reasonCodes = c.reasonCodes();
        this.description = c.description();
        this.remedyWanted = c.remedyWanted();
        this.remedyDueBy = c.remedyDueBy();
        this.responsiblePerson = c.responsiblePerson();
        this.raisedBy = c.raisedBy();
        this.raisedAt = c.raisedAt();
        this.reviewDate = c.reviewDate();
        this.status = c.status();
        this.stages = new ArrayList<>(c.stages());
        this.agreedActions = new ArrayList<>(c.agreedActions());
        this.communications = new ArrayList<>(c.communications());
        this.moreTime = new ArrayList<>(c.moreTime());
        this.cafcass = c.cafcass();
        this.formalDueAt = c.formalDueAt();
        this.endedAt = c.endedAt();
        this.endReason = c.endReason();
        this.ending = c.ending();
    }

    Procedure procedure() {
        return ctx.procedure();
    }

    String actor() {
        return ctx.actor();
    }

    /** @return the name of who acts, as the host gives it, for what people read */
    String actorName() {
        return ctx.people().nameOf(actor());
    }

    Instant now() {
        return ctx.now();
    }

    /** @return when the step happened: now, unless it is recorded late */
    Instant happened() {
        return occurred == null ? now() : occurred;
    }

    Optional<StageRecord> currentRecord() {
        return stages.stream().filter(s -> s.state() == StageState.ACTIVE).findFirst();
    }

    /** @throws ConcernEndedException when the concern is at no stage */
    StageRecord current() {
        return currentRecord().orElseThrow(() -> new ConcernEndedException("concern " + id
                + " is at no stage: it has ended as " + status));
    }

    Optional<Stage> currentStage() {
        return currentRecord().map(this::stage);
    }

    Stage stage(StageRecord record) {
        return procedure().stage(record.stageId()).orElseThrow(() -> new IllegalStateException(
                "stage " + record.stageId() + " missing from the stored definition of " + procedure().ref()));
    }

    /** Puts the record in the place of the one with its ordinal. */
    void replace(StageRecord record) {
        stages.set(record.ordinal() - 1, record);
    }

    StageRecord addStage(Stage stage, StageState state, List<String> participants, Instant dueAt, String note) {
        StageRecord record = new StageRecord(stages.size() + 1, stage.id(), stage.name(), state, happened(), actor(),
                participants, dueAt, state == StageState.ACTIVE ? null : happened(), null, List.of(), null, note);
        stages.add(record);
        return record;
    }

    void complete(StageRecord record, String outcome) {
        replace(new StageRecord(record.ordinal(), record.stageId(), record.name(), StageState.COMPLETED,
                record.enteredAt(), record.enteredBy(), record.participants(), record.dueAt(), happened(),
                record.response(), record.actions(), outcome, record.note(), record.satisfactions()));
    }

    void respond(StageRecord record, Response response) {
        replace(new StageRecord(record.ordinal(), record.stageId(), record.name(), record.state(),
                record.enteredAt(), record.enteredBy(), record.participants(), record.dueAt(), record.endedAt(),
                response, record.actions(), record.outcome(), record.note(), record.satisfactions()));
    }

    void recordAction(StageRecord record, ActionRecord action) {
        List<ActionRecord> actions = new ArrayList<>(record.actions());
        actions.add(action);
        // in the order the store gives them back: when done, then by id
        actions.sort(Comparator.comparing(ActionRecord::doneAt).thenComparing(ActionRecord::actionId));
        replace(new StageRecord(record.ordinal(), record.stageId(), record.name(), record.state(),
                record.enteredAt(), record.enteredBy(), record.participants(), record.dueAt(), record.endedAt(),
                record.response(), actions, record.outcome(), record.note(), record.satisfactions()));
    }

    void satisfy(StageRecord record, Satisfaction answer) {
        List<Satisfaction> answers = new ArrayList<>(record.satisfactions());
        answers.add(answer);
        replace(new StageRecord(record.ordinal(), record.stageId(), record.name(), record.state(),
                record.enteredAt(), record.enteredBy(), record.participants(), record.dueAt(), record.endedAt(),
                record.response(), record.actions(), record.outcome(), record.note(), answers));
    }

    void moveDue(StageRecord record, Instant dueAt) {
        replace(new StageRecord(record.ordinal(), record.stageId(), record.name(), record.state(),
                record.enteredAt(), record.enteredBy(), record.participants(), dueAt, record.endedAt(),
                record.response(), record.actions(), record.outcome(), record.note(), record.satisfactions()));
    }

    void agree(String description, String responsible, LocalDate dueBy) {
        agreedActions.add(new AgreedAction(agreedActions.size() + 1, description, responsible, dueBy, null, null,
                null));
    }

    void end(ConcernStatus ending, String reason) {
        status = ending;
        endReason = reason;
        endedAt = now();
    }

    /** A case note of the event, when the procedure writes one for it (the stage's own type first). */
    void note(ConcernEvent event, Stage stage, String text) {
        procedure().caseNoteType(event, stage).ifPresent(type -> notes.add(new NoteOnFile(type, text)));
    }

    /** A message to the people named, each once; none when nobody is left to tell. */
    void tell(List<String> recipients, String subject, String body) {
        Set<String> to = new LinkedHashSet<>(recipients);
        to.removeIf(r -> r == null || r.isBlank());
        if (!to.isEmpty()) {
            notices.add(new Notice(List.copyOf(to), subject, body));
        }
    }

    Concern toConcern(long version) {
        return new Concern(id, childId, procedureRef, origin, reasonCodes, description, remedyWanted, remedyDueBy,
                responsiblePerson, raisedBy, raisedAt, status, stages, agreedActions, communications, cafcass,
                formalDueAt, endedAt, endReason, version, reviewDate, ending, moreTime);
    }

    /** @param command the command's name for the audit trail; @param outcome what a due moment did, or null */
    Transition transition(String command, String outcome) {
        long version = before == null ? 0 : changed ? before.version() + 1 : before.version();
        Concern after = toConcern(version);
        return new Transition(command, actor(), now(), before, after, before == null || changed, notes, notices,
                outcome, episodes(after));
    }

    /**
     * The host's episodes the change opens and closes: one for each stage entered that names one, and, when
     * the concern ends, a closing for each it opened.
     */
    private List<EpisodeStep> episodes(Concern after) {
        List<EpisodeStep> steps = new ArrayList<>();
        int known = before == null ? 0 : before.stages().size();
        Set<String> opened = new LinkedHashSet<>();
        for (StageRecord r : after.stages()) {
            String type = r.state() == StageState.BYPASSED ? null : stage(r).episode();
            if (type == null) {
                continue;
            }
            opened.add(type);
            if (r.ordinal() > known) {
                steps.add(new EpisodeStep(type, false, OpeningWords.episodeOpened(r.name(), actorName())));
            }
        }
        if (after.status().isEnded() && (before == null || !before.status().isEnded())) {
            for (String type : opened) {
                steps.add(new EpisodeStep(type, true, OpeningWords.episodeClosed(after.status(), actorName())));
            }
        }
        return steps;
    }
}
