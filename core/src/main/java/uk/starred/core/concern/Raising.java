package uk.starred.core.concern;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.wording.ConcernWords;
import uk.starred.core.wording.Labels;

/** Raising a concern: its fields, the child's fit with the procedure, the first stage. */
final class Raising {

    static final int PROCEDURE_VERSION_MAX = 50;
    static final int REASON_CODE_MAX = 50;

    private Raising() {
    }

    /** Checks the command's own fields, before anything is looked up, listing every problem at once. */
    static void checkFields(RaiseConcern command, LocalDate today) {
        Checks checks = new Checks("Raise concern");
        if (command == null) {
            checks.add("command", "is required");
            checks.done();
        }
        checks.text("childId", command.childId(), Checks.ID_MAX);
        if (command.procedure() != null) {
            checks.text("procedure.id", command.procedure().id(), Checks.ID_MAX);
            checks.text("procedure.version", command.procedure().version(), PROCEDURE_VERSION_MAX);
        }
        if (command.origin() == null) {
            checks.add("origin",
                    "is required: starred decision, red RAG rating, concern outside review or missed statutory timetable");
        }
        reasonCodes(checks, command.reasonCodes());
        checks.text("description", command.description(), Checks.TEXT_MAX);
        checks.text("remedyWanted", command.remedyWanted(), Checks.TEXT_MAX);
        if (command.remedyDueBy() == null) {
            checks.add("remedyDueBy", "is required: the IRO's timescale for the remedy");
        } else if (command.remedyDueBy().isBefore(today)) {
            checks.add("remedyDueBy", "must not be in the past: " + command.remedyDueBy() + " is before today, " + today);
        }
        checks.text("responsiblePerson", command.responsiblePerson(), Checks.ID_MAX);
        checks.optional("startAtStage", command.startAtStage(), Checks.ID_MAX);
        if (command.cafcassReferral() != null) {
            checks.text("cafcassReferral", command.cafcassReferral(), Checks.TEXT_MAX);
        }
        if (command.reviewDate() != null && command.reviewDate().isAfter(today)) {
            checks.add("reviewDate", "must not be in the future: " + command.reviewDate() + " is after today, " + today);
        }
        checks.done();
    }

    private static void reasonCodes(Checks checks, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            checks.add("reasonCodes", "at least one reason from the procedure's taxonomy is required");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "reasonCodes[" + i + "]";
            String code = codes.get(i);
            if (checks.text(field, code, REASON_CODE_MAX) && !seen.add(code)) {
                checks.add(field, "'" + code + "' is given more than once");
            }
        }
    }

    static Transition raise(RaiseConcern command, ConcernId id, ChildRecord child, CommandContext ctx) {
        checkFields(command, ctx.today());
        Procedure procedure = ctx.procedure();
        if (child.cohorts().stream().noneMatch(procedure.appliesTo()::contains)) {
            throw new UnknownProcedureException("procedure '" + procedure.title() + "' serves children "
                    + procedure.appliesTo() + "; child " + child.id() + " is " + Labels.cohorts(child.cohorts()));
        }
        Rights.require(ctx, child.id(), procedure.permissions().raise(), Rights.RAISE);
        checkReasonsAndResponsible(command, child, ctx);
        Stage start = startStage(command, procedure);

        requireReviewDateWhereCounted(command, procedure);
        Draft d = new Draft(ctx, id, child.id(), command.origin(), command.reasonCodes(), command.description(),
                command.remedyWanted(), command.remedyDueBy(), command.responsiblePerson(), command.reviewDate());
        ConcernWords words = new ConcernWords(ctx.calendar().zone());
        Reason first = procedure.reason(command.reasonCodes().get(0)).orElseThrow();
        d.note(ConcernEvent.RAISED, null, words.raisedNote(d.actorName(), command.origin(), procedure.title(),
                command.reasonCodes(), first.label(), command.description(), command.remedyWanted(),
                command.remedyDueBy(), ctx.people().nameOf(command.responsiblePerson())));
        d.tell(List.of(command.responsiblePerson()), ConcernWords.subject(child.id(), ConcernWords.RAISED),
                words.raisedNotice(command.description(), command.remedyWanted(), command.remedyDueBy()));
        Movement.enter(d, start, command.startAtStage() == null ? null : ConcernWords.ENTERED_AT_RAISING);
        if (command.cafcassReferral() != null) {
            Referrals.alongside(d, command.cafcassReferral());
        }
        return d.transition("raise", null);
    }

    private static void checkReasonsAndResponsible(RaiseConcern command, ChildRecord child, CommandContext ctx) {
        Procedure procedure = ctx.procedure();
        Checks checks = new Checks("Raise concern");
        for (int i = 0; i < command.reasonCodes().size(); i++) {
            String code = command.reasonCodes().get(i);
            Optional<Reason> reason = procedure.reason(code);
            if (reason.isEmpty()) {
                checks.add("reasonCodes[" + i + "]", "'" + code + "' is not a reason in '" + procedure.title()
                        + "'; its reasons are " + procedure.reasons().stream().map(Reason::code).toList());
            } else if (reason.get().appliesTo().stream().noneMatch(child.cohorts()::contains)) {
                checks.add("reasonCodes[" + i + "]", "'" + code + "' applies to children " + reason.get().appliesTo()
                        + "; child " + child.id() + " is " + Labels.cohorts(child.cohorts()));
            }
        }
        String responsible = command.responsiblePerson();
        if (!ctx.people().knows(responsible)) {
            checks.add("responsiblePerson", "the host knows no member of staff '" + responsible + "'");
        } else if (Rights.procedureRoles(responsible, ctx.people(), procedure).isEmpty()) {
            checks.add("responsiblePerson", responsible + " holds no role in '" + procedure.title()
                    + "' for child " + child.id());
        }
        checks.done();
    }

    /** A procedure that counts a stage from the review date needs the date, whatever stage the concern starts at. */
    private static void requireReviewDateWhereCounted(RaiseConcern command, Procedure procedure) {
        if (command.reviewDate() != null) {
            return;
        }
        procedure.stages().stream().filter(s -> s.clockFrom() == ClockStart.REVIEW_DATE).findFirst()
                .ifPresent(s -> Checks.single("Raise concern", "reviewDate", "is required: '" + procedure.title()
                        + "' counts stage '" + s.name() + "' from the date of the review"));
    }

    private static Stage startStage(RaiseConcern command, Procedure procedure) {
        if (command.startAtStage() == null) {
            return procedure.stages().get(0);
        }
        Stage stage = Movement.stage(procedure, command.startAtStage());
        if (procedure.indexOf(stage.id()) > 0 && !stage.mayEnterDirectly()) {
            throw new StageNotAllowedException("'" + procedure.title() + "' does not let the IRO start at stage '"
                    + stage.name() + "'");
        }
        return stage;
    }
}
