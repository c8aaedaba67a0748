package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.LockTimeoutException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.PessimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.UnknownStageException;
import uk.starred.api.calendar.SpokenTime;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.RoleWords;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.impl.access.Access;
import uk.starred.impl.audit.AuditEntryEntity;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.procedure.ProcedureCatalogue;
import uk.starred.api.alert.AlertEvents;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.outbox.Effects;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/**
 * The dispute resolution engine over the {@code starred} persistence unit. Every command follows
 * the same path: identify the caller, load the concern at the version the caller read, load the
 * procedure definition the concern runs under, check the caller's right and the command, apply it,
 * and store the concern, its audit entry and its case notes and notifications in one transaction.
 *
 * <p>Time comes from the system clock in UTC, unless a {@link Clock} service is registered (end-to-end
 * tests register one they move by hand; production registers none).
 */
@Component(service = {ConcernService.class, JpaConcernService.class})
public class JpaConcernService implements ConcernService {

    static final int MAX_LIST = 1000;
    /** A bypass reason is kept on the stage entered as "Bypassed: " and the reason, within the column. */
    static final int BYPASS_REASON_MAX = Checks.TEXT_MAX - "Bypassed: ".length();
    static final String RAISE = "raise a concern";
    static final String DRIVE = "drive a concern (escalate, bypass, refer, resolve)";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ProcedureCatalogue catalogue;
    private final ProcedureDefinitions definitions;
    private final OversightCounts counts;

    @Activate
    public JpaConcernService(
            @Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema,
            @Reference CallerContext caller,
            @Reference StaffDirectory staff,
            @Reference ChildRecords children,
            @Reference WorkingCalendar calendar,
            @Reference ProcedureCatalogue catalogue,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), children, calendar, catalogue);
    }

    public JpaConcernService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar, ProcedureCatalogue catalogue) {
        this.jpa = Objects.requireNonNull(jpa, "jpa");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.definitions = new ProcedureDefinitions(jpa);
        this.counts = new OversightCounts(calendar);
    }

    // ---------------------------------------------------------------- raise

    @Override
    public Concern raise(RaiseConcern command) {
        String actor = access.caller();
        Instant now = now();
        RaiseConcernValidator.check(command, LocalDate.ofInstant(now, calendar.zone()));
        ChildRecord child = children.child(command.childId())
                .orElseThrow(() -> new UnknownChildException("the host has no child record '" + command.childId() + "'"));
        Procedure procedure = procedureFor(command, child);
        if (child.cohorts().stream().noneMatch(procedure.appliesTo()::contains)) {
            throw new UnknownProcedureException("procedure '" + procedure.title() + "' serves children "
                    + procedure.appliesTo() + "; child " + child.id() + " is " + describe(child.cohorts()));
        }
        access.require(actor, child.id(), procedure, procedure.raisedBy(), RAISE);
        checkReasonsAndResponsible(command, procedure, child);
        Stage start = startStage(command, procedure);

        definitions.ensureStored(procedure, now);
        ConcernEntity entity = ConcernEntity.raised(ConcernId.random(), command, procedure.ref(), child.cohorts(),
                actor, now);
        return jpa.txExpr(TransactionType.Required, em -> {
            Step step = new Step(em, entity, procedure, actor, now, new Effects());
            Reason first = procedure.reason(command.reasonCodes().get(0)).orElseThrow();
            step.note(ConcernEvent.RAISED, null, "Concern raised by " + actor + " (" + describe(command.origin())
                    + ") under '" + procedure.title() + "'. Reasons: " + String.join(", ", command.reasonCodes())
                    + " (" + first.label() + "). " + command.description() + " Remedy wanted: "
                    + command.remedyWanted() + ", by " + command.remedyDueBy() + ". Responsible: "
                    + command.responsiblePerson() + ".");
            step.effects.notify(List.of(command.responsiblePerson()), subject(entity, "concern raised"),
                    "The IRO has raised a concern: " + command.description() + " Remedy wanted: "
                            + command.remedyWanted() + ", by " + command.remedyDueBy() + ".");
            enter(step, start, command.startAtStage() == null ? null : "Entered directly at raising");
            return finish(step, "raise", null);
        });
    }

    /** The procedure named, or else the one selected for the child's legal status. */
    private Procedure procedureFor(RaiseConcern command, ChildRecord child) {
        if (command.procedure() != null) {
            return catalogue.installed(command.procedure())
                    .orElseThrow(() -> new UnknownProcedureException("no procedure " + command.procedure()
                            + " is installed; installed: " + catalogue.installed().stream().map(p -> p.ref().toString())
                                    .toList()));
        }
        StringBuilder whyNot = new StringBuilder();
        return catalogue.selectedFor(child.cohorts(), whyNot)
                .orElseThrow(() -> new UnknownProcedureException("no procedure was named for child " + child.id()
                        + " and " + whyNot));
    }

    private void checkReasonsAndResponsible(RaiseConcern command, Procedure procedure, ChildRecord child) {
        Checks checks = new Checks("Raise concern");
        for (int i = 0; i < command.reasonCodes().size(); i++) {
            String code = command.reasonCodes().get(i);
            Optional<Reason> reason = procedure.reason(code);
            if (reason.isEmpty()) {
                checks.add("reasonCodes[" + i + "]", "'" + code + "' is not a reason in '" + procedure.title()
                        + "'; its reasons are " + procedure.reasons().stream().map(Reason::code).toList());
            } else if (reason.get().appliesTo().stream().noneMatch(child.cohorts()::contains)) {
                checks.add("reasonCodes[" + i + "]", "'" + code + "' applies to children " + reason.get().appliesTo()
                        + "; child " + child.id() + " is " + describe(child.cohorts()));
            }
        }
        if (!access.knows(command.responsiblePerson())) {
            checks.add("responsiblePerson", "the host knows no member of staff '" + command.responsiblePerson() + "'");
        } else if (access.procedureRoles(command.responsiblePerson(), child.id(), procedure).isEmpty()) {
            checks.add("responsiblePerson", command.responsiblePerson() + " holds no role in '" + procedure.title()
                    + "' for child " + child.id());
        }
        checks.done();
    }

    private static Stage startStage(RaiseConcern command, Procedure procedure) {
        if (command.startAtStage() == null) {
            return procedure.stages().get(0);
        }
        Stage stage = procedure.stage(command.startAtStage()).orElseThrow(() -> unknownStage(procedure,
                command.startAtStage()));
        if (procedure.indexOf(stage.id()) > 0 && !stage.mayEnterDirectly()) {
            throw new StageNotAllowedException("'" + procedure.title() + "' does not let the IRO start at stage '"
                    + stage.name() + "'");
        }
        return stage;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Concern> find(ConcernId id) {
        Objects.requireNonNull(id, "id");
        String actor = access.caller();
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = em.find(ConcernEntity.class, id.toString());
            if (entity == null) {
                return Optional.empty();
            }
            Procedure procedure = definitions.stored(em, entity.procedure());
            access.requireAnyRole(actor, entity.childId(), procedure, "see this concern");
            return Optional.of(entity.toConcern());
        });
    }

    @Override
    public List<Concern> concernsForChild(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("List concerns for child", "childId", "is required");
        }
        String actor = access.caller();
        boolean oversight = access.hasOversight(actor);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("select c from ConcernEntity c where c.childId = :child order by c.raisedAt desc, c.id",
                        ConcernEntity.class)
                .setParameter("child", childId).setMaxResults(MAX_LIST).getResultList().stream()
                .filter(c -> oversight || !access.procedureRoles(actor, childId,
                        definitions.stored(em, c.procedure())).isEmpty())
                .map(ConcernEntity::toConcern).toList());
    }

    // ---------------------------------------------------------------- response and monitoring

    @Override
    public Concern respond(ConcernId id, long expectedVersion, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions) {
        return command("respond", id, expectedVersion, step -> {
            StageRecordEntity current = step.current();
            Stage stage = step.stage(current);
            if (stage.respondingRole() == null) {
                Checks.single("Respond", "stage", "stage '" + stage.name() + "' asks no response");
            }
            access.require(step.actor, step.concern.childId(), step.procedure, List.of(stage.respondingRole()),
                    "respond in stage '" + stage.name() + "'");
            Checks checks = new Checks("Respond");
            if (kind == null) {
                checks.add("kind", "is required: agree, disagree or no remit");
            } else if (kind == ResponseKind.DEEMED_AGREEMENT) {
                checks.add("kind", "agreement is deemed only by the deadline service, when a response window passes");
            }
            if (current.responseKind() != null) {
                checks.add("kind", "stage '" + stage.name() + "' already has a response (" + current.responseKind()
                        + "); the IRO decides what happens next");
            }
            checks.optional("reasons", reasons, Checks.TEXT_MAX);
            if (kind == ResponseKind.DISAGREE && (reasons == null || reasons.isBlank())) {
                checks.add("reasons", "are required when disagreeing");
            }
            if (kind == ResponseKind.NO_REMIT && stage.noRemitStage() == null) {
                checks.add("kind", "stage '" + stage.name() + "' has nowhere to send a 'no remit' response;"
                        + " disagree with reasons instead");
            }
            List<NewAgreedAction> agreed = agreedActions == null ? List.of() : agreedActions;
            if (kind != ResponseKind.AGREE && !agreed.isEmpty()) {
                checks.add("agreedActions", "are given only with an agreement");
            }
            LocalDate today = step.today();
            for (int i = 0; i < agreed.size(); i++) {
                NewAgreedAction a = agreed.get(i);
                String at = "agreedActions[" + i + "]";
                checks.text(at + ".description", a.description(), Checks.TEXT_MAX);
                if (checks.text(at + ".responsible", a.responsible(), Checks.ID_MAX) && !access.knows(a.responsible())) {
                    checks.add(at + ".responsible", "the host knows no member of staff '" + a.responsible() + "'");
                }
                if (a.dueBy() == null) {
                    checks.add(at + ".dueBy", "is required");
                } else if (a.dueBy().isBefore(today)) {
                    checks.add(at + ".dueBy", "must not be in the past: " + a.dueBy() + " is before today, " + today);
                }
            }
            checks.done();

            current.respond(kind, reasons, step.actor, step.now);
            String said = switch (kind) {
                case AGREE -> "agrees";
                case DISAGREE -> "disagrees: " + reasons;
                case NO_REMIT -> "has no remit to decide" + (reasons == null ? "" : ": " + reasons);
                case DEEMED_AGREEMENT -> "is deemed to agree";
            };
            step.note(ConcernEvent.RESPONSE_RECORDED, stage, step.actor + " (" + stage.respondingRole() + ") " + said
                    + " in stage '" + stage.name() + "'.");
            step.effects.notify(List.of(step.concern.raisedBy()), subject(step.concern, "response recorded"),
                    step.actor + " " + said + ".");
            if (kind == ResponseKind.AGREE) {
                if (agreed.isEmpty()) {
                    step.concern.agree(step.concern.remedyWanted(), step.concern.responsiblePerson(),
                            step.concern.remedyDueBy());
                } else {
                    agreed.forEach(a -> step.concern.agree(a.description(), a.responsible(), a.dueBy()));
                }
            } else if (kind == ResponseKind.NO_REMIT) {
                Stage target = step.procedure.stage(stage.noRemitStage()).orElseThrow();
                current.complete("No remit: moved to '" + target.name() + "'", step.now);
                enter(step, target, "The responding manager has no remit");
            }
        });
    }

    @Override
    public Concern recordAction(ConcernId id, long expectedVersion, String actionId, String note) {
        return command("recordAction", id, expectedVersion, step -> {
            StageRecordEntity current = step.current();
            Stage stage = step.stage(current);
            Checks checks = new Checks("Record action");
            checks.text("actionId", actionId, Checks.ID_MAX);
            checks.optional("note", note, Checks.TEXT_MAX);
            checks.done();
            RequiredAction action = stage.requiredAction(actionId).orElseThrow(() -> new InvalidCommandException(
                    "Record action", List.of(new uk.starred.api.Violation("actionId", "stage '" + stage.name()
                            + "' requires no action '" + actionId + "'; it requires "
                            + stage.requiredActions().stream().map(RequiredAction::id).toList()))));
            List<String> allowed = new ArrayList<>(step.procedure.raisedBy());
            allowed.add(0, action.byRole());
            access.require(step.actor, step.concern.childId(), step.procedure, allowed,
                    "record '" + action.description() + "'");
            if (current.hasAction(actionId)) {
                Checks.single("Record action", "actionId", "'" + action.description() + "' is already recorded in stage '"
                        + stage.name() + "'");
            }
            current.recordAction(actionId, step.actor, step.now, note);
            step.note(ConcernEvent.ACTION_RECORDED, stage, "Stage '" + stage.name() + "': " + action.description()
                    + " - recorded by " + step.actor + (note == null ? "." : ". " + note));
        });
    }

    @Override
    public Concern completeAgreedAction(ConcernId id, long expectedVersion, int number, String note) {
        return command("completeAgreedAction", id, expectedVersion, step -> {
            List<ConcernEntity.AgreedActionRow> agreed = step.concern.agreedActions();
            if (number < 1 || number > agreed.size()) {
                Checks.single("Complete agreed action", "number", "the concern has " + agreed.size()
                        + " agreed action(s); there is no number " + number);
            }
            ConcernEntity.AgreedActionRow action = agreed.get(number - 1);
            if (!step.actor.equals(action.responsible())) {
                List<String> allowed = new ArrayList<>(step.procedure.raisedBy());
                step.procedure.stages().stream().map(Stage::respondingRole).filter(Objects::nonNull).distinct()
                        .forEach(allowed::add);
                access.require(step.actor, step.concern.childId(), step.procedure, allowed,
                        "record agreed action " + number + " as done");
            }
            if (action.completed()) {
                Checks.single("Complete agreed action", "number", "agreed action " + number + " is already done");
            }
            Checks checks = new Checks("Complete agreed action");
            checks.optional("note", note, Checks.TEXT_MAX);
            checks.done();
            action.complete(step.now, step.actor, note);
            step.note(ConcernEvent.AGREED_ACTION_COMPLETED, step.currentStage().orElse(null), "Agreed action "
                    + number + " done, recorded by " + step.actor + (note == null ? "." : ": " + note));
            step.effects.notify(List.of(step.concern.raisedBy()), subject(step.concern, "agreed action done"),
                    "Agreed action " + number + " has been recorded as done by " + step.actor + ".");
        });
    }

    @Override
    public Concern recordCommunication(ConcernId id, long expectedVersion, String withWhom, String channel,
            String summary) {
        return command("recordCommunication", id, expectedVersion, step -> {
            access.requireProcedureRole(step.actor, step.concern.childId(), step.procedure, "record a communication");
            Checks checks = new Checks("Record communication");
            checks.text("withWhom", withWhom, Checks.SHORT_MAX);
            checks.text("channel", channel, Checks.ID_MAX);
            checks.text("summary", summary, Checks.TEXT_MAX);
            checks.done();
            step.concern.communicate(step.now, step.actor, withWhom, channel, summary);
            step.note(ConcernEvent.COMMUNICATION_RECORDED, step.currentStage().orElse(null), "Communication ("
                    + channel + ") with " + withWhom + ", recorded by " + step.actor + ": " + summary);
        });
    }

    // ---------------------------------------------------------------- moving through stages

    @Override
    public Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note) {
        return command("escalate", id, expectedVersion, step -> {
            access.require(step.actor, step.concern.childId(), step.procedure, step.procedure.raisedBy(),
                    "escalate a concern");
            Checks checks = new Checks("Escalate");
            checks.optional("note", note, Checks.TEXT_MAX);
            checks.done();
            StageRecordEntity current = step.current();
            int from = step.procedure.indexOf(current.stageId());
            Stage target;
            if (toStageId == null) {
                if (from + 1 >= step.procedure.stages().size()) {
                    throw new StageNotAllowedException("the concern is at the last stage, '"
                            + step.stage(current).name() + "'; refer to CAFCASS or resolve it");
                }
                target = step.procedure.stages().get(from + 1);
            } else {
                target = step.procedure.stage(toStageId).orElseThrow(() -> unknownStage(step.procedure, toStageId));
                int to = step.procedure.indexOf(target.id());
                if (to <= from) {
                    throw new StageNotAllowedException("stage '" + target.name() + "' is not after the current stage, '"
                            + step.stage(current).name() + "'");
                }
                if (to > from + 1 && !target.mayEnterDirectly()) {
                    throw new StageNotAllowedException("'" + step.procedure.title() + "' does not let the IRO move"
                            + " straight to stage '" + target.name() + "'; escalate stage by stage or bypass with a reason");
                }
            }
            current.complete("Escalated to '" + target.name() + "'", step.now);
            enter(step, target, note);
        });
    }

    @Override
    public Concern bypass(ConcernId id, long expectedVersion, String toStageId, String reason) {
        return command("bypass", id, expectedVersion, step -> {
            access.require(step.actor, step.concern.childId(), step.procedure, step.procedure.raisedBy(),
                    "bypass stages");
            Checks checks = new Checks("Bypass");
            checks.text("toStageId", toStageId, Checks.ID_MAX);
            checks.text("reason", reason, BYPASS_REASON_MAX);
            checks.done();
            StageRecordEntity current = step.current();
            int from = step.procedure.indexOf(current.stageId());
            Stage target = step.procedure.stage(toStageId).orElseThrow(() -> unknownStage(step.procedure, toStageId));
            int to = step.procedure.indexOf(target.id());
            if (to <= from + 1) {
                throw new StageNotAllowedException("no stage lies between the current stage, '"
                        + step.stage(current).name() + "', and '" + target.name() + "'; escalate instead");
            }
            for (int i = from + 1; i < to; i++) {
                Stage skipped = step.procedure.stages().get(i);
                if (!skipped.mayBypass()) {
                    throw new StageNotAllowedException("'" + step.procedure.title() + "' does not let the IRO bypass"
                            + " stage '" + skipped.name() + "'");
                }
            }
            current.complete("Bypassed on to '" + target.name() + "'", step.now);
            for (int i = from + 1; i < to; i++) {
                Stage skipped = step.procedure.stages().get(i);
                step.concern.addStage(skipped.id(), skipped.name(), StageState.BYPASSED, step.now, step.actor,
                        List.of(), null, reason);
                step.note(ConcernEvent.STAGE_BYPASSED, skipped, "Stage '" + skipped.name() + "' bypassed by "
                        + step.actor + ": " + reason);
            }
            enter(step, target, "Bypassed: " + reason);
        });
    }

    // ---------------------------------------------------------------- CAFCASS

    @Override
    public Concern considerCafcassReferral(ConcernId id, long expectedVersion, String reason) {
        return command("considerCafcassReferral", id, expectedVersion, step -> {
            access.require(step.actor, step.concern.childId(), step.procedure, step.procedure.raisedBy(),
                    "consider a CAFCASS referral");
            Checks checks = new Checks("Consider CAFCASS referral");
            checks.text("reason", reason, Checks.TEXT_MAX);
            checks.done();
            if (step.concern.cafcassReferred()) {
                Checks.single("Consider CAFCASS referral", "id", "the case has already been referred to CAFCASS");
            }
            List<String> roles = step.procedure.cafcass().informFirst();
            step.concern.considerCafcass(step.now, roles);
            step.note(ConcernEvent.CAFCASS_CONSIDERED, step.currentStage().orElse(null), step.actor
                    + " is considering a referral to CAFCASS: " + reason + (roles.isEmpty() ? ""
                            : " Told: " + String.join(", ", roles) + "."));
            step.effects.notify(access.holders(roles, step.concern.childId()),
                    subject(step.concern, "CAFCASS referral being considered"),
                    "The IRO is considering referring the case to CAFCASS: " + reason);
        });
    }

    @Override
    public Concern referToCafcass(ConcernId id, long expectedVersion, ReferralMode mode, String reason) {
        return command("referToCafcass", id, expectedVersion, step -> {
            access.require(step.actor, step.concern.childId(), step.procedure, step.procedure.raisedBy(),
                    "refer the case to CAFCASS");
            Checks checks = new Checks("Refer to CAFCASS");
            checks.require(mode != null, "mode", "is required: concurrent, at the end, or curtailed");
            checks.text("reason", reason, Checks.TEXT_MAX);
            checks.done();
            if (step.concern.cafcassReferred()) {
                Checks.single("Refer to CAFCASS", "id", "the case has already been referred to CAFCASS");
            }
            if (!step.procedure.cafcass().informFirst().isEmpty() && !step.concern.cafcassConsidered()) {
                throw new StageNotAllowedException("'" + step.procedure.title() + "' requires "
                        + String.join(" and ", step.procedure.cafcass().informFirst())
                        + " to be told a referral is being considered before it is made");
            }
            StageRecordEntity current = step.current();
            if (!step.procedure.cafcass().anyPoint() && !formalProcessBegun(step)
                    && mode != ReferralMode.CURTAILED) {
                throw new StageNotAllowedException("'" + step.procedure.title() + "' allows a CAFCASS referral only"
                        + " once the formal process has begun, unless the IRO curtails it for urgency");
            }
            if (mode == ReferralMode.AT_END && step.procedure.indexOf(current.stageId())
                    < step.procedure.stages().size() - 1) {
                throw new StageNotAllowedException("the process has not reached its end (the concern is at '"
                        + step.stage(current).name() + "'); refer alongside it, or curtail it");
            }
            Instant decisionDue = calendar.dueMoment(step.now, step.procedure.cafcass().decisionTimescale());
            step.concern.referToCafcass(step.now, step.actor, mode, reason, decisionDue);
            step.note(ConcernEvent.CAFCASS_REFERRED, step.stage(current), "Referred to CAFCASS by " + step.actor
                    + " (" + describe(mode) + "): " + reason + " CAFCASS's decision is due by " + when(decisionDue) + ".");
            List<String> told = new ArrayList<>(access.holders(step.procedure.cafcass().informFirst(),
                    step.concern.childId()));
            told.add(step.concern.responsiblePerson());
            step.effects.notify(told, subject(step.concern, "referred to CAFCASS"), "The IRO has referred the case to"
                    + " CAFCASS (" + describe(mode) + "): " + reason);
            if (mode != ReferralMode.CONCURRENT) {
                current.complete("Referred to CAFCASS (" + describe(mode) + ")", step.now);
                step.concern.end(ConcernStatus.REFERRED_TO_CAFCASS, reason, step.now);
            }
        });
    }

    /**
     * Whether the concern has entered a formal stage. The formal clock cannot tell: it runs only in
     * procedures that set a total limit, and a procedure without one still has a formal process.
     */
    private static boolean formalProcessBegun(Step step) {
        return step.concern.stages().stream()
                .filter(s -> s.state() != StageState.BYPASSED)
                .anyMatch(s -> step.stage(s).formal());
    }

    @Override
    public Concern recordCafcassDecision(ConcernId id, long expectedVersion, CafcassDecision decision, String notes) {
        return command("recordCafcassDecision", id, expectedVersion, true, step -> {
            access.require(step.actor, step.concern.childId(), step.procedure, step.procedure.raisedBy(),
                    "record CAFCASS's decision");
            Checks checks = new Checks("Record CAFCASS decision");
            checks.require(decision != null, "decision", "is required: proceedings or no proceedings");
            checks.optional("notes", notes, Checks.TEXT_MAX);
            checks.done();
            if (!step.concern.cafcassReferred()) {
                Checks.single("Record CAFCASS decision", "id", "the case has not been referred to CAFCASS");
            }
            if (step.concern.cafcassDecided()) {
                Checks.single("Record CAFCASS decision", "decision", "CAFCASS's decision is already recorded");
            }
            step.concern.recordCafcassDecision(decision, step.now, notes);
            step.note(ConcernEvent.CAFCASS_DECISION_RECORDED, null, "CAFCASS decided: "
                    + (decision == CafcassDecision.PROCEEDINGS ? "to take proceedings" : "not to take proceedings")
                    + (notes == null ? "." : ". " + notes));
        });
    }

    // ---------------------------------------------------------------- endings

    @Override
    public Concern resolve(ConcernId id, long expectedVersion, String how) {
        return end("resolve", id, expectedVersion, ConcernStatus.RESOLVED, ConcernEvent.RESOLVED, how, "resolve a concern",
                "Resolved");
    }

    @Override
    public Concern withdraw(ConcernId id, long expectedVersion, String reason) {
        return end("withdraw", id, expectedVersion, ConcernStatus.WITHDRAWN, ConcernEvent.WITHDRAWN, reason,
                "withdraw a concern", "Withdrawn");
    }

    @Override
    public Concern close(ConcernId id, long expectedVersion, String reason) {
        return end("close", id, expectedVersion, ConcernStatus.CLOSED, ConcernEvent.CLOSED, reason,
                "close a concern", "Closed");
    }

    private Concern end(String name, ConcernId id, long expectedVersion, ConcernStatus ending, ConcernEvent event,
            String why, String right, String verb) {
        return command(name, id, expectedVersion, step -> {
            access.require(step.actor, step.concern.childId(), step.procedure, step.procedure.raisedBy(), right);
            Checks checks = new Checks(switch (ending) {
                case RESOLVED -> "Resolve concern";
                case WITHDRAWN -> "Withdraw concern";
                default -> "Close concern";
            });
            checks.text(ending == ConcernStatus.RESOLVED ? "how" : "reason", why, 2000);
            checks.done();
            Optional<StageRecordEntity> current = step.concern.currentStage();
            Stage stage = current.map(step::stage).orElse(null);
            current.ifPresent(s -> s.complete(verb + ": " + why, step.now));
            step.concern.end(ending, why, step.now);
            step.note(event, stage, verb + " by " + step.actor + (stage == null ? "" : " at stage '" + stage.name() + "'")
                    + ": " + why);
            List<String> told = new ArrayList<>(List.of(step.concern.responsiblePerson()));
            if (stage != null) {
                told.addAll(access.holders(stage.participants(), step.concern.childId()));
            }
            told.remove(step.actor);
            step.effects.notify(told, subject(step.concern, verb.toLowerCase()), verb + ": " + why);
        });
    }


    // ---------------------------------------------------------------- deadlines

    /** Who acts when a deadline fires, in the audit trail and on what it writes. */
    public static final String DEADLINE_ACTOR = "starred";

    /**
     * Fires one due moment, in one transaction with everything it causes: the procedure's rule for a
     * missed deadline, the notifications, the audit entry when the concern changes, and the moment
     * marked fired. Fires nothing when the moment is no longer pending, or when {@code node} claimed
     * it and has since lost the claim to another node; cancels it when what it waited for has happened.
     *
     * @param claimed whether {@code node} must hold the claim (an operator's re-run need not)
     * @return what firing did, in words, or {@code null} when nothing fired
     */
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed) {
        Instant now = now();
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = em.find(ConcernEntity.class, key.concernId(), LockModeType.PESSIMISTIC_WRITE);
            DeadlineEntity deadline = em.find(DeadlineEntity.class, key);
            if (entity == null || deadline == null || deadline.state() != uk.starred.api.deadline.DeadlineState.PENDING
                    || (claimed && !node.equals(deadline.claimedBy()))) {
                return null;
            }
            Procedure procedure = definitions.stored(em, entity.procedure());
            // the concern as it was, for the audit entry, read only where the rule may change it
            Concern before = mayChange(entity, procedure, key) ? entity.toConcern() : null;
            Step step = new Step(em, entity, procedure, DEADLINE_ACTOR, now, new Effects());
            String outcome = applyDeadline(step, key);
            if (outcome == null) {
                Deadlines.reconcile(em, before != null ? before : entity.toConcern(), false, calendar, now);
                if (deadline.state() == uk.starred.api.deadline.DeadlineState.PENDING) {
                    deadline.fired(now, node, "nothing outstanding");
                }
                return null;
            }
            deadline.fired(now, node, outcome);
            step.effects.event(AlertEvents.DEADLINE_TOPIC_PREFIX + key.kind(), outcome);
            if (step.changed) {
                // the procedure's rule dealt with the missed deadline (agreement deemed, stage moved on)
                deadline.settle(now);
                finish(step, "deadline " + key.kind(), before);
            } else {
                step.effects.writeTo(em, key.concernId(), entity.childId(), "deadline/" + key.kind() + "/"
                        + key.item(), DEADLINE_ACTOR, now);
            }
            // written when the transaction commits: with others fired in it, in one batch
            return outcome;
        });
    }

    /**
     * Reads and locks at once, in the transaction that is about to fire them, the concerns of the due
     * moments and the moments themselves, so that each firing finds them already read rather than
     * asking the database three times.
     */
    public void readForFiring(EntityManager em, java.util.Collection<DeadlineEntity.Key> keys) {
        List<String> ids = keys.stream().filter(k -> !k.kind().ofReviewTimetable()).map(DeadlineEntity.Key::concernId)
                .distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("select c from ConcernEntity c where c.id in :ids order by c.id", ConcernEntity.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        em.createQuery("select distinct c from ConcernEntity c left join fetch c.stages where c.id in :ids",
                ConcernEntity.class).setParameter("ids", ids).getResultList();
        em.createQuery("select d from DeadlineEntity d where d.concernId in :ids", DeadlineEntity.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * After the working calendar changed (a bank holiday or closure day added or cancelled): moves
     * the due moments of open concerns that are not yet reached to where the calendar now puts them,
     * from the moment each clock started. Each concern moved gets an audit entry and its IRO is told;
     * moments already passed stay as they were.
     *
     * @param why what changed, for the record
     * @return how many concerns had a due moment moved
     */
    public int recomputeDueMoments(String why) {
        Instant now = now();
        List<String> ids = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select distinct c.id from ConcernEntity c join c.stages s where c.status = :open"
                        + " and ((s.state = :active and s.dueAt > :now) or c.formalDueAt > :now)", String.class)
                .setParameter("open", ConcernStatus.OPEN).setParameter("active", StageState.ACTIVE)
                .setParameter("now", now).getResultList());
        int moved = 0;
        for (String id : ids) {
            if (recompute(id, now, why)) {
                moved++;
            }
        }
        return moved;
    }

    private boolean recompute(String id, Instant now, String why) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = em.find(ConcernEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null || entity.status() != ConcernStatus.OPEN) {
                return false;
            }
            Procedure procedure = definitions.stored(em, entity.procedure());
            Concern before = entity.toConcern();
            Step step = new Step(em, entity, procedure, DEADLINE_ACTOR, now, new Effects());
            List<String> changes = new ArrayList<>();
            StageRecordEntity current = entity.currentStage().orElse(null);
            if (current != null) {
                StageRecord record = current.toRecord();
                Stage stage = step.stage(current);
                if (record.dueAt() != null && record.dueAt().isAfter(now) && stage.timescale() != null) {
                    Instant due = calendar.dueMoment(record.enteredAt(), stage.timescale());
                    if (!due.equals(record.dueAt())) {
                        current.moveDue(due);
                        changes.add("stage '" + stage.name() + "' is now due by " + due + " (was " + record.dueAt() + ")");
                    }
                }
            }
            if (entity.formalDueAt() != null && entity.formalDueAt().isAfter(now) && procedure.totalLimit() != null) {
                before.stages().stream().filter(s -> s.state() != StageState.BYPASSED)
                        .filter(s -> procedure.stage(s.stageId()).map(Stage::formal).orElse(false)).findFirst()
                        .ifPresent(first -> {
                            Instant limit = calendar.dueMoment(first.enteredAt(), procedure.totalLimit());
                            if (!limit.equals(entity.formalDueAt())) {
                                changes.add("the formal stages' total limit is now " + limit + " (was "
                                        + entity.formalDueAt() + ")");
                                entity.moveFormalDue(limit);
                            }
                        });
            }
            if (changes.isEmpty()) {
                return false;
            }
            step.effects.notify(List.of(entity.raisedBy()), subject(entity, "due moment moved"),
                    "The working calendar changed (" + why + "): " + String.join("; ", changes) + ".");
            finish(step, "calendarChanged", before);
            return true;
        });
    }

    /**
     * Whether firing the moment may change the concern (a stage's deadline whose rule deems agreement
     * or moves to the next stage), rather than only tell people.
     */
    private static boolean mayChange(ConcernEntity c, Procedure procedure, DeadlineEntity.Key key) {
        if (key.kind() != uk.starred.api.deadline.DeadlineKind.STAGE_DUE || c.status() != ConcernStatus.OPEN) {
            return false;
        }
        return c.currentStage().flatMap(s -> procedure.stage(s.stageId()))
                .map(s -> s.onDeadline() == OnDeadline.DEEMED_AGREEMENT || s.onDeadline() == OnDeadline.NEXT_STAGE)
                .orElse(false);
    }

    /** @return what the moment did, or {@code null} when its matter is already dealt with */
    private String applyDeadline(Step step, DeadlineEntity.Key key) {
        ConcernEntity c = step.concern;
        String child = c.childId();
        switch (key.kind()) {
            case STAGE_DUE_SOON, STAGE_DUE -> {
                StageRecordEntity current = c.currentStage().orElse(null);
                if (c.status() != ConcernStatus.OPEN || current == null
                        || current.ordinal() != key.item()) {
                    return null;
                }
                Stage stage = step.stage(current);
                Instant dueAt = current.dueAt();
                List<String> mustAct = new ArrayList<>();
                if (stage.respondingRole() != null && current.responseKind() == null) {
                    mustAct.addAll(access.holders(List.of(stage.respondingRole()), child));
                }
                mustAct.add(c.raisedBy());
                if (key.kind() == uk.starred.api.deadline.DeadlineKind.STAGE_DUE_SOON) {
                    if (!step.now.isBefore(dueAt)) {
                        return null; // come too late (the runner was down): the overdue message says it all
                    }
                    step.effects.notify(mustAct, subject(c, "stage '" + stage.name() + "' due soon"),
                            "Stage '" + stage.name() + "' is due by " + when(dueAt) + ".");
                    return "due soon: told " + String.join(", ", mustAct);
                }
                return stageDue(step, current, stage, dueAt, mustAct);
            }
            case AGREED_ACTION_DUE -> {
                List<ConcernEntity.AgreedActionRow> agreed = c.agreedActions();
                if (key.item() < 1 || key.item() > agreed.size() || agreed.get(key.item() - 1).completed()) {
                    return null;
                }
                ConcernEntity.AgreedActionRow action = agreed.get(key.item() - 1);
                step.effects.notify(List.of(action.responsible(), c.raisedBy()),
                        subject(c, "agreed action " + key.item() + " overdue"), "Agreed action " + key.item()
                                + " was due by " + SpokenTime.day(action.toAgreedAction(key.item()).dueBy())
                                + " and is not recorded as done.");
                return "agreed action " + key.item() + " overdue: told " + action.responsible() + ", " + c.raisedBy();
            }
            case FORMAL_LIMIT -> {
                if (c.status() != ConcernStatus.OPEN) {
                    return null;
                }
                step.effects.notify(List.of(c.raisedBy(), c.responsiblePerson()), subject(c,
                        "formal process beyond its limit"), "The formal stages of '" + step.procedure.title()
                                + "' have run beyond their total limit (" + step.procedure.totalLimit() + ").");
                return "formal process beyond its limit: told " + c.raisedBy() + ", " + c.responsiblePerson();
            }
            case CAFCASS_DECISION_DUE -> {
                if (!c.cafcassReferred() || c.cafcassDecided()) {
                    return null;
                }
                step.effects.notify(List.of(c.raisedBy()), subject(c, "CAFCASS decision overdue"),
                        "CAFCASS's decision on the referral is due and not recorded.");
                return "CAFCASS decision overdue: told " + c.raisedBy();
            }
            default -> throw new IllegalStateException("no rule for " + key.kind());
        }
    }

    /** A stage's timescale has run out: tell those who must act, then apply the procedure's rule. */
    private String stageDue(Step step, StageRecordEntity current, Stage stage, Instant dueAt,
            List<String> mustAct) {
        ConcernEntity c = step.concern;
        step.effects.notify(mustAct, subject(c, "stage '" + stage.name() + "' overdue"),
                "Stage '" + stage.name() + "' was due by " + when(dueAt) + ".");
        String told = "overdue: told " + String.join(", ", mustAct);
        switch (stage.onDeadline()) {
            case DEEMED_AGREEMENT -> {
                if (stage.respondingRole() == null || current.responseKind() != null) {
                    return told;
                }
                current.respond(ResponseKind.DEEMED_AGREEMENT, null, DEADLINE_ACTOR, step.now);
                step.changed = true;
                c.agree(c.remedyWanted(), c.responsiblePerson(), c.remedyDueBy());
                step.note(ConcernEvent.RESPONSE_RECORDED, stage, "No response from the "
                        + RoleWords.of(stage.respondingRole()) + " in stage '" + stage.name() + "' by "
                        + when(dueAt) + ": agreement is deemed.");
                step.effects.notify(List.of(c.raisedBy()), subject(c, "agreement deemed"), "The "
                        + RoleWords.of(stage.respondingRole()) + " did not respond by " + when(dueAt)
                        + "; agreement is deemed.");
                return told + "; agreement deemed";
            }
            case NEXT_STAGE -> {
                int at = step.procedure.indexOf(stage.id());
                if (at + 1 < step.procedure.stages().size()) {
                    Stage next = step.procedure.stages().get(at + 1);
                    current.complete("Deadline passed: moved to '" + next.name() + "'", step.now);
                    step.changed = true;
                    enter(step, next, "Moved on when stage '" + stage.name() + "' passed its deadline");
                    return told + "; moved to stage '" + next.name() + "'";
                }
                return prompt(step, stage, told);
            }
            case PROMPT_IRO -> {
                return prompt(step, stage, told);
            }
            default -> {
                return told;
            }
        }
    }

    private String prompt(Step step, Stage stage, String told) {
        ConcernEntity c = step.concern;
        step.effects.notify(List.of(c.raisedBy()), subject(c, "decision needed"), "Stage '" + stage.name()
                + "' has passed its deadline. Decide what happens next: escalate, bypass, refer to CAFCASS or resolve.");
        return told + "; " + c.raisedBy() + " prompted to decide";
    }

    // ---------------------------------------------------------------- plumbing

    /** What one command does to a loaded concern. */
    @FunctionalInterface
    interface Action {
        void apply(Step step);
    }

    /** One command in progress: the concern, its procedure, who acts and when, and what it causes. */
    final class Step {
        final EntityManager em;
        final ConcernEntity concern;
        final Procedure procedure;
        final String actor;
        final Instant now;
        final Effects effects;
        /** Whether a due moment's rule changed the concern (so it takes an audit entry), not only told people. */
        boolean changed;

        Step(EntityManager em, ConcernEntity concern, Procedure procedure, String actor, Instant now, Effects effects) {
            this.em = em;
            this.concern = concern;
            this.procedure = procedure;
            this.actor = actor;
            this.now = now;
            this.effects = effects;
        }

        LocalDate today() {
            return LocalDate.ofInstant(now, calendar.zone());
        }

        Optional<Stage> currentStage() {
            return concern.currentStage().map(this::stage);
        }

        StageRecordEntity current() {
            return concern.currentStage().orElseThrow(() -> new ConcernEndedException("concern " + concern.id()
                    + " is at no stage: it has ended as " + concern.status()));
        }

        Stage stage(StageRecordEntity record) {
            return procedure.stage(record.stageId()).orElseThrow(() -> new IllegalStateException(
                    "stage " + record.stageId() + " missing from the stored definition of " + procedure.ref()));
        }

        void note(ConcernEvent event, Stage stage, String text) {
            procedure.caseNoteType(event, stage).ifPresent(type -> effects.caseNote(type, text));
        }
    }

    private void enter(Step step, Stage stage, String note) {
        Instant due = stage.timescale() == null ? null : calendar.dueMoment(step.now, stage.timescale());
        step.concern.addStage(stage.id(), stage.name(), StageState.ACTIVE, step.now, step.actor,
                access.holders(stage.participants(), step.concern.childId()), due, note);
        if (stage.formal() && step.procedure.totalLimit() != null) {
            step.concern.startFormalClock(calendar.dueMoment(step.now, step.procedure.totalLimit()));
        }
        step.note(ConcernEvent.STAGE_ENTERED, stage, "Stage '" + stage.name() + "' started" + (due == null ? ""
                : ", due by " + when(due)) + (note == null ? "." : ". " + note));
        List<String> told = new ArrayList<>(access.holders(stage.notified(), step.concern.childId()));
        if (stage.respondingRole() != null) {
            told.addAll(access.holders(List.of(stage.respondingRole()), step.concern.childId()));
        }
        told.remove(step.actor);
        step.effects.notify(told, subject(step.concern, "stage '" + stage.name() + "'"), "The concern is now at stage '"
                + stage.name() + "'" + (due == null ? "." : "; due by " + when(due) + ".")
                + (stage.respondingRole() == null ? "" : " A response is asked of the "
                        + RoleWords.of(stage.respondingRole()) + "."));
    }

    private Concern command(String name, ConcernId id, long expectedVersion, Action action) {
        return command(name, id, expectedVersion, false, action);
    }

    private Concern command(String name, ConcernId id, long expectedVersion, boolean afterEnd, Action action) {
        Objects.requireNonNull(id, "id");
        String actor = access.caller();
        Instant now = now();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                // The row stays locked until the command commits, so two commands on one concern run one
                // after the other and the later finds the version moved on before it writes anything. The
                // version check at flush alone comes too late: two racing commands that each add a stage
                // collide first on the new stage's key.
                ConcernEntity entity = em.find(ConcernEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
                if (entity == null) {
                    throw new NotFoundException("no concern with id " + id);
                }
                if (entity.version() != expectedVersion) {
                    throw changedMeanwhile(id);
                }
                Procedure procedure = definitions.stored(em, entity.procedure());
                // CAFCASS decides after the council's process may have ended, whichever way it ended
                boolean endedAllowed = afterEnd && entity.cafcassReferred() && !entity.cafcassDecided();
                if (entity.status().isEnded() && !endedAllowed) {
                    access.requireAnyRole(actor, entity.childId(), procedure, "see this concern");
                    throw new ConcernEndedException("concern " + id + " has ended as " + entity.status()
                            + " and can no longer change");
                }
                Concern before = entity.toConcern();
                Step step = new Step(em, entity, procedure, actor, now, new Effects());
                action.apply(step);
                return finish(step, name, before);
            });
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException e) {
            throw changedMeanwhile(id);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException || e.getCause() instanceof PessimisticLockException
                    || e.getCause() instanceof LockTimeoutException) {
                throw changedMeanwhile(id);
            }
            throw e;
        }
    }

    /**
     * Stores the command's result: the concern moved on one version, its audit entry, what it changed in
     * the oversight figures, its due moments, case notes and notifications; all written to the database
     * together, in one flush at the end.
     */
    private Concern finish(Step step, String name, Concern before) {
        ConcernEntity entity = step.concern;
        if (before != null) {
            entity.touch();
        }
        // the concern as written: one version on from the one read (Hibernate moves it on when it writes
        // the row, which the command always changes), or the first version of a concern just raised
        Concern after = entity.toConcern(before == null ? entity.version() : entity.version() + 1);
        AuditEntryEntity entry = AuditLog.entry(name, step.actor, step.now, before, after, entity.auditHead());
        entity.auditHead(entry.hash());
        if (before == null) {
            // a concern being raised is stored whole, the head of its trail included, in one insert
            step.em.persist(entity);
        }
        step.em.persist(entry);
        counts.record(step.em, before, after, entity.childCohorts());
        Deadlines.reconcile(step.em, after, before == null, calendar, step.now);
        step.effects.event(AlertEvents.CONCERN_CHANGED, name);
        step.effects.writeTo(step.em, after.id().toString(), after.childId(), after.version() + 1, step.actor, step.now);
        try {
            step.em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(entity.id());
        }
        if (entity.version() != after.version()) {
            throw new IllegalStateException("concern " + after.id() + " was written as version " + entity.version()
                    + " where its audit entry records version " + after.version());
        }
        return after;
    }

    /** Now, to the microsecond: the precision both H2 and PostgreSQL keep, so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static UnknownStageException unknownStage(Procedure procedure, String stageId) {
        return new UnknownStageException("'" + procedure.title() + "' has no stage '" + stageId + "'; its stages are "
                + procedure.stages().stream().map(Stage::id).toList());
    }

    private static ConcurrentChangeException changedMeanwhile(ConcernId id) {
        return new ConcurrentChangeException("concern " + id
                + " was changed by someone else after you read it; read it again and decide afresh");
    }

    private static String subject(ConcernEntity concern, String what) {
        return "Starred: child " + concern.childId() + ": " + what;
    }

    static String describe(Set<Cohort> cohorts) {
        if (cohorts.isEmpty()) {
            return "neither looked after nor on a child protection plan";
        }
        return cohorts.stream().map(c -> c == Cohort.LOOKED_AFTER ? "looked after" : "on a child protection plan")
                .sorted().reduce((a, b) -> a + " and " + b).orElseThrow();
    }

    static String describe(uk.starred.api.concern.ConcernOrigin origin) {
        return switch (origin) {
            case STARRED_DECISION -> "starred decision";
            case RED_RAG_RATING -> "red RAG rating";
            case CONCERN_OUTSIDE_REVIEW -> "concern outside a review";
            case MISSED_STATUTORY_TIMETABLE -> "missed statutory timetable";
        };
    }

    static String describe(ReferralMode mode) {
        return switch (mode) {
            case CONCURRENT -> "alongside the council's process";
            case AT_END -> "at the end of the council's process";
            case CURTAILED -> "the process curtailed for urgency";
        };
    }

    /** A moment as the child's file and the notifications say it: UK time, midnight as the end of the day before. */
    private String when(java.time.Instant at) {
        return SpokenTime.due(at, calendar.zone());
    }
}
