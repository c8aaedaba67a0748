package uk.starred.ui.tab;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.propertytypes.ServiceRanking;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertService;
import uk.starred.api.alert.Rag;
import uk.starred.api.audit.SubjectAccess;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.practice.GoodPracticeService;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Ending;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.RoleWords;
import uk.starred.api.procedure.Stage;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseTabEntry;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.TabOutcome;
import uk.starred.core.concern.FamilyUpdates;
import uk.starred.core.concern.Projections;
import uk.starred.core.concern.Rights;
import uk.starred.core.law.TheLaw;
import uk.starred.core.deadline.StageClock;
import uk.starred.core.deadline.Urgency;
import uk.starred.core.wording.ConcernWords;
import uk.starred.core.wording.Labels;
import uk.starred.ui.command.ConcernCommands.Op;
import uk.starred.ui.command.ConcernCommands;
import uk.starred.ui.command.Fields;
import uk.starred.ui.command.Refusals;

/**
 * The "Dispute resolution" tab on the child's case screen: what is asked of the viewer and by when,
 * the child's concerns as a timeline of stages with their due moments and RAG, and the forms for
 * what the viewer's roles allow. The service layer checks every command again; the forms shown
 * here only spare people buttons they could not use.
 *
 * <p>Longer than 400 lines because it draws the whole tab, the record and every command's form, as
 * markup built in code; it shrinks when the screens are drawn from templates.
 */
@Component(service = CaseTab.class)
@CaseTabEntry(screen = CaseScreens.CHILD, key = DisputeResolutionTab.KEY, label = "Dispute resolution")
@ServiceRanking(100)
public class DisputeResolutionTab implements CaseTab {

    public static final String KEY = "dispute-resolution";
    static final String STYLESHEET = "/starred/static/starred.css";

    private final ConcernService concerns;
    private final SubjectAccess subjectAccess;
    private final AlertService alerts;
    private final ChildRecords children;
    private final StaffDirectory staff;
    private final ProcedureLibrary procedures;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ConcernCommands commands;
    private final Words words;
    private final ProgressForms progress;
    private final GoodPracticeService goodPractice;
    private final GoodPracticeSection praise;
    private final CafcassPack pack;

    @Activate
    public DisputeResolutionTab(@Reference ConcernService concerns, @Reference AlertService alerts,
            @Reference ChildRecords children, @Reference StaffDirectory staff, @Reference ProcedureLibrary procedures,
            @Reference WorkingCalendar calendar, @Reference GoodPracticeService goodPractice,
            @Reference SubjectAccess subjectAccess,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.subjectAccess = subjectAccess;
        this.concerns = concerns;
        this.goodPractice = goodPractice;
        this.alerts = alerts;
        this.children = children;
        this.staff = staff;
        this.procedures = procedures;
        this.calendar = calendar;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.commands = new ConcernCommands(concerns);
        this.words = new Words(calendar.zone(), staff);
        this.progress = new ProgressForms(words);
        this.praise = new GoodPracticeSection(goodPractice, procedures, staff, words);
        this.pack = new CafcassPack(words, procedures, this.clock);
    }

    @Override
    public boolean isVisible(CaseView view) {
        return view.childId() != null && !staff.rolesFor(view.viewerId(), view.childId()).isEmpty();
    }

    @Override
    public List<String> stylesheets() {
        return List.of(STYLESHEET);
    }

    @Override
    public TabOutcome act(CaseView view) {
        Fields fields = new Fields(view.parameters());
        String opName = fields.get("op");
        try {
            if ("raise".equals(opName)) {
                Map<String, List<String>> withChild = new LinkedHashMap<>(view.parameters());
                withChild.put("childId", List.of(view.childId()));
                Concern raised = commands.raise(new Fields(withChild));
                return TabOutcome.done("Concern raised: " + words.person(raised.responsiblePerson())
                        + " and the others the procedure names have been told.", back(raised.id()));
            }
            if (GoodPracticeSection.OP.equals(opName)) {
                var recognised = goodPractice.recognise(view.childId(), fields.get("staffId"), fields.get("practice"));
                return TabOutcome.done("Good practice recorded: " + words.person(recognised.staffId())
                        + " has been told.", Map.of(TAB_PARAMETER, KEY));
            }
            Op op = Op.byPath(opName == null ? "" : opName);
            if (op == null) {
                return TabOutcome.refused(400, "There is no command called '" + opName + "' on this tab.");
            }
            Optional<Concern> before = concernOfChild(fields.get("concern"), view.childId());
            if (before.isEmpty()) {
                return TabOutcome.refused(404, "This child has no concern " + fields.get("concern")
                        + " that you may see.");
            }
            Concern after = commands.run(op, fields);
            return TabOutcome.done(op.done + ".", back(after.id()));
        } catch (InvalidCommandException wrong) {
            return TabOutcome.refused(400, describe(wrong));
        } catch (CommandRefusedException refused) {
            return TabOutcome.refused(Refusals.status(refused), refused.getMessage());
        }
    }

    private Optional<Concern> concernOfChild(String id, String childId) {
        List<Violation> wrong = new ArrayList<>();
        ConcernId concernId = ConcernCommands.concernId(id, wrong);
        if (concernId == null) {
            throw new InvalidCommandException("Act on a concern", wrong);
        }
        return concerns.find(concernId).filter(c -> c.childId().equals(childId));
    }

    /** The two fields of a step recorded after it happened: when, and why only now. */
    private static Out late(Out out, String when) throws IOException {
        return out.dateTime("occurredAt", when, "Only if earlier than now: London time", null, false)
                .area("lateReason", "Why it is recorded only now", "Needed when it happened earlier", null, false);
    }

    /** @return the refusal in words for the page: "Please correct: field message; ..." */
    static String describe(InvalidCommandException wrong) {
        StringBuilder out = new StringBuilder("Please correct: ");
        for (int i = 0; i < wrong.violations().size(); i++) {
            Violation v = wrong.violations().get(i);
            out.append(i == 0 ? "" : "; ").append(v.field()).append(' ').append(v.message());
        }
        return out.append('.').toString();
    }

    private static Map<String, String> back(ConcernId id) {
        return Map.of(TAB_PARAMETER, KEY, "concern", id.toString());
    }

    @Override
    public void render(CaseView view, Appendable appendable) throws IOException {
        Out out = new Out(appendable);
        Optional<ChildRecord> child = children.child(view.childId());
        if (child.isEmpty()) {
            out.raw("<p class=\"starred-body\">This child is not known.</p>");
            return;
        }
        if ("cafcass-pack".equals(view.parameter("view"))) {
            Optional<Concern> concern = concernOrNone(view);
            if (concern.isEmpty()) {
                out.raw("<p class=\"starred-body\">There is no such concern for this child.</p>");
                return;
            }
            pack.render(view, child.get(), concern.get(), out);
            return;
        }
        if ("subject-access".equals(view.parameter("view"))) {
            if (!staff.hasOversight(view.viewerId())) {
                out.raw("<p class=\"starred-body\">Only those who oversee the service may see everything held about"
                        + " a child.</p>");
                return;
            }
            new SubjectAccessDocument(words).render(view, child.get(), subjectAccess.export(view.childId()), out);
            return;
        }
        Set<String> roles = staff.rolesFor(view.viewerId(), view.childId());
        List<Concern> all = concerns.concernsForChild(view.childId());
        Instant now = clock.instant();

        out.raw("<div class=\"starred\"><h2 class=\"starred-heading-l\">Dispute resolution</h2>");
        asks(view, out);
        raiseForm(view, child.get(), roles, all, out);
        if (all.isEmpty()) {
            out.raw("<p class=\"starred-body\">No concern has been raised for ").t(child.get().displayName())
                    .raw(".</p>");
        }
        List<Concern> open = all.stream().filter(c -> !c.status().isEnded()).toList();
        List<Concern> ended = all.stream().filter(c -> c.status().isEnded()).toList();
        if (!open.isEmpty()) {
            out.raw("<h3 class=\"starred-heading-m\">Open concerns (").t(open.size()).raw(")</h3>");
            for (Concern concern : open) {
                concern(view, concern, roles, child.get().cohorts(), now, out);
            }
        }
        if (!ended.isEmpty()) {
            out.raw("<h3 class=\"starred-heading-m\">Ended concerns (").t(ended.size()).raw(")</h3>");
            for (Concern concern : ended) {
                concern(view, concern, roles, child.get().cohorts(), now, out);
            }
        }
        praise.render(view, child.get(), roles, KEY, out);
        if (staff.hasOversight(view.viewerId())) {
            out.raw("<p class=\"starred-body starred-no-print\"><a class=\"starred-link\"")
                    .attr("href", view.link(Map.of(TAB_PARAMETER, KEY, "view", "subject-access")))
                    .raw(">Everything held about ").t(child.get().displayName())
                    .raw(", for a subject access request</a></p>");
        }
        out.raw("</div>");
    }

    private Optional<Concern> concernOrNone(CaseView view) {
        try {
            return concernOfChild(view.parameter("concern"), view.childId());
        } catch (InvalidCommandException e) {
            return Optional.empty();
        }
    }

    private void asks(CaseView view, Out out) throws IOException {
        List<Alert> mine = alerts.alertsForChild(view.childId()).stream()
                .filter(a -> a.mustAct().contains(view.viewerId())).toList();
        out.raw("<section class=\"starred-panel starred-asks\" aria-labelledby=\"starred-asks-heading\">")
                .raw("<h3 class=\"starred-heading-m\" id=\"starred-asks-heading\">What is asked of you</h3>");
        if (mine.isEmpty()) {
            out.raw("<p class=\"starred-body\">Nothing is waiting for you on this child's concerns.</p>");
        } else {
            out.raw("<ul class=\"starred-list\">");
            for (Alert alert : mine) {
                out.raw("<li>").tag(ragWords(alert), alert.rag().name().toLowerCase()).raw(" ");
                if (alert.concernId() != null) {
                    out.raw("<a class=\"starred-link\"").attr("href", view.link(Map.of(TAB_PARAMETER, KEY, "concern",
                            alert.concernId().toString())) + "#concern-" + alert.concernId()).raw(">").t(alert.title())
                            .raw("</a>");
                } else {
                    out.t(alert.title());
                }
                out.raw(": ").t(alert.detail());
                out.raw("</li>");
            }
            out.raw("</ul>");
        }
        out.raw("</section>");
    }

    private static String ragWords(Alert alert) {
        return switch (alert.rag()) {
            case RED -> "Red: act now";
            case AMBER -> "Amber: due soon";
            case GREEN -> "Green: in hand";
        };
    }

    private void raiseForm(CaseView view, ChildRecord child, Set<String> roles, List<Concern> earlier, Out out)
            throws IOException {
        List<Procedure> mayRaise = procedures.installedFor(child.cohorts()).stream()
                .filter(p -> p.permissions().raise().stream().anyMatch(roles::contains)).toList();
        if (mayRaise.isEmpty()) {
            return;
        }
        String chosenRef = view.parameter("procedure");
        // the one chosen, else the council's selection, else the one the child's latest concern runs under
        Procedure procedure = mayRaise.stream().filter(p -> (p.id() + "@" + p.version()).equals(chosenRef)).findFirst()
                .or(() -> procedures.selectedFor(child.cohorts()).filter(mayRaise::contains))
                .or(() -> earlier.stream().findFirst().flatMap(c -> mayRaise.stream()
                        .filter(p -> p.id().equals(c.procedure().id())).reduce((a, b) -> b)))
                .orElse(mayRaise.get(mayRaise.size() - 1));
        out.raw("<details class=\"starred-details\"").raw(chosenRef != null || "raise".equals(view.parameter("op"))
                ? " open" : "").raw("><summary class=\"starred-summary\">Raise a concern or star a decision</summary>")
                .raw("<div class=\"starred-details-body\">");
        if (mayRaise.size() > 1) {
            out.raw("<form method=\"get\"").attr("action", view.pageUrl()).raw(" class=\"starred-form starred-inline\">")
                    .hidden(TAB_PARAMETER, KEY);
            String[] options = new String[mayRaise.size() * 2];
            for (int i = 0; i < mayRaise.size(); i++) {
                options[2 * i] = mayRaise.get(i).id() + "@" + mayRaise.get(i).version();
                options[2 * i + 1] = mayRaise.get(i).title() + " (version " + mayRaise.get(i).version() + ")";
            }
            out.select("procedure", "Procedure", "The council procedure the concern will run under",
                    procedure.id() + "@" + procedure.version(), options).button("Choose procedure", true).raw("</form>");
        }
        out.form(view, KEY, "raise", "starred-raise").hidden("procedure", procedure.id() + "@" + procedure.version());
        out.raw("<p class=\"starred-body\">Under <strong>").t(procedure.title()).raw("</strong>.</p>");
        String[] origins = new String[ConcernOrigin.values().length * 2];
        for (int i = 0; i < ConcernOrigin.values().length; i++) {
            origins[2 * i] = ConcernOrigin.values()[i].name();
            origins[2 * i + 1] = ConcernOrigin.values()[i].words();
        }
        out.choices("radio", "origin", "How the concern arose", ConcernOrigin.STARRED_DECISION.name(), origins);
        List<Reason> reasons = procedure.reasons().stream()
                .filter(r -> r.appliesTo().stream().anyMatch(child.cohorts()::contains)).toList();
        String[] reasonOptions = new String[reasons.size() * 2];
        for (int i = 0; i < reasons.size(); i++) {
            reasonOptions[2 * i] = reasons.get(i).code();
            reasonOptions[2 * i + 1] = reasons.get(i).label();
        }
        if (procedure.reasons().isEmpty()) {
            // the procedure lists no reasons: the description below says it, filed as "other"
            out.hidden("reasons", Reason.OTHER.code());
        } else {
            out.choices("checkbox", "reasons", "Reasons (select all that apply)", "", reasonOptions);
        }
        out.area("description", "What is wrong", "In your words, as it will appear on the child's file", null, true);
        out.area("remedyWanted", "What you want done", null, null, true);
        out.date("remedyDueBy", "By when", "The date the remedy is needed by",
                LocalDate.now(clock.withZone(calendar.zone())).plusDays(14).toString());
        if (Rights.referrers(procedure).stream().anyMatch(roles::contains) && TheLaw.mayBeReferred(child.cohorts())) {
            out.area("cafcassReferral", "Refer to CAFCASS now, alongside the process", "Only if you refer the case"
                    + " at the same time: your reason (" + TheLaw.REFERRAL + ")", null, false);
        }
        boolean countsFromReview = procedure.stages().stream().anyMatch(s -> s.clockFrom() == ClockStart.REVIEW_DATE);
        out.date("reviewDate", "Date of the review", countsFromReview
                ? "This procedure counts its timescales from the review" : "The review or meeting this arose at, if any",
                null, countsFromReview);
        List<String> managers = new ArrayList<>();
        Stage first = procedure.stages().get(0);
        for (String role : procedure.roles()) {
            if (Rights.drivers(procedure).contains(role)) {
                continue;
            }
            staff.holders(role, child.id()).forEach(m -> {
                if (!managers.contains(m.id())) {
                    managers.add(m.id());
                    managers.add(m.name() + " (" + RoleWords.of(role) + ")");
                }
            });
        }
        String defaultResponder = first.responders().stream().flatMap(r -> staff.holders(r, child.id()).stream())
                .map(m -> m.id()).findFirst().orElse(null);
        out.select("responsiblePerson", "Manager asked to respond", null, defaultResponder,
                managers.toArray(new String[0]));
        List<String> starts = new ArrayList<>(List.of("", first.name() + " (the first stage)"));
        for (Stage stage : procedure.stages().subList(1, procedure.stages().size())) {
            if (stage.mayEnterDirectly()) {
                starts.add(stage.id());
                starts.add(stage.name());
            }
        }
        if (starts.size() > 2) {
            out.select("startAtStage", "Start at stage", "Start at a later stage where the procedure allows it", "",
                    starts.toArray(new String[0]));
        }
        out.button("Raise concern", false).raw("</form></div></details>");
    }

    private void concern(CaseView view, Concern concern, Set<String> roles, Set<Cohort> childIs, Instant now, Out out)
            throws IOException {
        Optional<Procedure> definition = procedures.definition(concern.procedure());
        String anchor = "concern-" + concern.id();
        out.raw("<section class=\"starred-concern\"").attr("id", anchor).attr("aria-labelledby", anchor + "-title")
                .raw("><h4 class=\"starred-heading-s\"").attr("id", anchor + "-title").raw(">")
                .t(concern.origin().words()).raw(": ")
                .t(definition.map(Procedure::title).orElse(concern.procedure().id())).raw("</h4>");
        out.raw("<p class=\"starred-meta\">").tag(Labels.status(concern, definition.orElse(null)),
                concern.status().isEnded() ? "grey" : "blue").raw(" Raised by ").t(words.person(concern.raisedBy()))
                .raw(" on ").t(words.moment(concern.raisedAt())).raw(". Asked of ")
                .t(words.person(concern.responsiblePerson())).raw(".</p>");
        out.raw("<dl class=\"starred-summary-list\"><div><dt>Reasons</dt><dd><ul class=\"starred-list\">");
        for (String code : concern.reasonCodes()) {
            out.raw("<li>").t(definition.flatMap(p -> p.reason(code)).map(Reason::label).orElse(code)).raw("</li>");
        }
        out.raw("</ul></dd></div><div><dt>What is wrong</dt><dd>").t(concern.description())
                .raw("</dd></div><div><dt>What is wanted</dt><dd>").t(concern.remedyWanted()).raw(" By ")
                .t(words.day(concern.remedyDueBy())).raw(".</dd></div>");
        if (concern.formalDueAt() != null && !concern.status().isEnded()) {
            Rag rag = Urgency.of(concern.formalDueAt(), now, calendar);
            out.raw("<div><dt>Formal process limit</dt><dd>").tag(Labels.rag(rag), colour(rag)).raw(" ")
                    .t("by " + words.due(concern.formalDueAt())).raw("</dd></div>");
        }
        if (definition.isPresent()) {
            var projection = Projections.of(concern, definition.get(), calendar);
            if (projection.isPresent() && projection.get().end() != null) {
                out.raw("<div><dt>Projected end</dt><dd>").t("If every stage runs to its limit, by "
                        + words.due(projection.get().end()) + ", at the end of '" + projection.get().lastStage() + "'")
                        .t(projection.get().untimedStages().isEmpty() ? "" : "; not counting "
                                + String.join(", ", projection.get().untimedStages()) + ", which have no timescale")
                        .raw(".</dd></div>");
            }
        }
        if (concern.endedAt() != null) {
            out.raw("<div><dt>Ended</dt><dd>").t(words.moment(concern.endedAt())).raw(": ").t(concern.endReason())
                    .raw("</dd></div>");
        }
        out.raw("</dl>");
        timeline(concern, definition, now, out);
        agreedActions(concern, now, out);
        communications(concern, out);
        progress.moreTime(concern, out);
        cafcass(concern, out);
        if (!concern.status().isEnded()) {
            actions(view, concern, definition, roles, childIs, out);
        }
        if (definition.map(p -> p.permissions().referToCafcass().stream().anyMatch(roles::contains)).orElse(false)
                || concern.cafcass() != null && concern.cafcass().consideredAt() != null) {
            out.raw("<p class=\"starred-body\"><a class=\"starred-link\"").attr("href", view.link(Map.of(TAB_PARAMETER,
                    KEY, "view", "cafcass-pack", "concern", concern.id().toString()))).raw(">CAFCASS referral pack")
                    .raw("<span class=\"starred-visually-hidden\"> for this concern</span></a></p>");
        }
        out.raw("</section>");
    }

    /** @return the tag colour that goes with the RAG's word */
    private static String colour(Rag rag) {
        return switch (rag) {
            case RED -> "red";
            case AMBER -> "amber";
            case GREEN -> "green";
        };
    }

    private void timeline(Concern concern, Optional<Procedure> definition, Instant now, Out out) throws IOException {
        out.raw("<h5 class=\"starred-heading-xs\">Stages</h5><ol class=\"starred-timeline\">");
        for (StageRecord stage : concern.stages()) {
            out.raw("<li").attr("class", "starred-timeline-item starred-timeline-" + stage.state().name().toLowerCase())
                    .raw("><p class=\"starred-timeline-title\">").t(stage.name()).raw(" ");
            out.tag(Labels.stageState(stage.state()), stage.state() == StageState.ACTIVE ? "blue" : "grey");
            if (StageClock.running(stage) && !concern.status().isEnded()) {
                Rag rag = Urgency.of(stage.dueAt(), now, calendar);
                out.raw(" ").tag(Labels.rag(rag), colour(rag));
            }
            out.raw("</p><p class=\"starred-meta\">Started ").t(words.moment(stage.enteredAt()));
            if (stage.dueAt() != null) {
                out.raw(". Due by ").t(words.due(stage.dueAt()));
            }
            if (stage.endedAt() != null) {
                out.raw(". Ended ").t(words.moment(stage.endedAt()));
            }
            out.raw(".</p>");
            if (stage.response() != null) {
                out.raw("<p class=\"starred-body\"><strong>").t(Labels.response(stage.response().kind()))
                        .raw("</strong> by ").t(words.person(stage.response().by())).raw(", ")
                        .t(words.moment(stage.response().at()));
                if (stage.response().isRecordedLate()) {
                    out.t(" (recorded " + words.moment(stage.response().recordedAt()) + ", late: "
                            + stage.response().lateReason() + ")");
                }
                if (stage.response().reasons() != null) {
                    out.raw(": ").t(stage.response().reasons());
                }
                out.raw("</p>");
            }
            Optional<Stage> defined = definition.flatMap(p -> p.stage(stage.stageId()));
            if (defined.isPresent() && defined.get().satisfiedBy() != null) {
                var rule = defined.get().satisfiedBy();
                out.raw("<p class=\"starred-body\">Resolved when ").t(ConcernWords.satisfiedRule(rule.allOf(),
                        rule.roles())).raw(" satisfied.</p><ul class=\"starred-list\">");
                for (var answer : stage.satisfactions()) {
                    out.raw("<li>").tag(answer.satisfied() ? "Satisfied" : "Not satisfied", answer.satisfied()
                            ? "green" : "red").raw(" ").t(words.person(answer.by())).raw(" (")
                            .t(RoleWords.of(answer.role())).raw("), ").t(words.moment(answer.at()))
                            .t(answer.reasons() == null ? "" : ": " + answer.reasons()).raw("</li>");
                }
                out.raw("</ul>");
            }
            if (defined.isPresent() && !defined.get().requiredActions().isEmpty()) {
                out.raw("<ul class=\"starred-list starred-checklist\">");
                for (RequiredAction required : defined.get().requiredActions()) {
                    var done = stage.actions().stream().filter(a -> a.actionId().equals(required.id())).findFirst();
                    out.raw("<li>").tag(done.isPresent() ? "Done" : "Not yet recorded", done.isPresent() ? "green"
                            : "grey").raw(" ").t(required.description());
                    if (done.isPresent()) {
                        out.raw(" <span class=\"starred-meta\">(").t(words.person(done.get().doneBy())).raw(", ")
                                .t(words.moment(done.get().occurredAt()))
                                .raw(done.get().note() == null ? "" : ": ").t(done.get().note())
                                .t(done.get().recordedLate() ? "; recorded " + words.moment(done.get().doneAt())
                                        + ", late: " + done.get().lateReason() : "").raw(")</span>");
                    }
                    out.raw("</li>");
                }
                out.raw("</ul>");
            }
            if (stage.outcome() != null || stage.note() != null) {
                out.raw("<p class=\"starred-body\">").t(stage.outcome() == null ? "" : stage.outcome())
                        .t(stage.outcome() != null && stage.note() != null ? ": " : "")
                        .t(stage.note() == null ? "" : stage.note()).raw("</p>");
            }
            out.raw("</li>");
        }
        out.raw("</ol>");
    }

    private void agreedActions(Concern concern, Instant now, Out out) throws IOException {
        if (concern.agreedActions().isEmpty()) {
            return;
        }
        out.raw("<h5 class=\"starred-heading-xs\">Agreed actions</h5><ul class=\"starred-list\">");
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        for (AgreedAction action : concern.agreedActions()) {
            out.raw("<li>");
            if (action.isCompleted()) {
                out.tag("Done", "green");
            } else if (action.dueBy().isBefore(today)) {
                out.tag("Overdue", "red");
            } else {
                out.tag("Due " + words.day(action.dueBy()), "blue");
            }
            out.raw(" ").t(action.number()).raw(". ").t(action.description()).raw(" <span class=\"starred-meta\">(")
                    .t(words.person(action.responsible())).raw(", by ").t(words.day(action.dueBy())).raw(")</span></li>");
        }
        out.raw("</ul>");
    }

    private void communications(Concern concern, Out out) throws IOException {
        if (concern.communications().isEmpty()) {
            return;
        }
        out.raw("<h5 class=\"starred-heading-xs\">Communications</h5><ul class=\"starred-list\">");
        for (var c : concern.communications()) {
            out.raw("<li><span class=\"starred-meta\">").t(words.moment(c.at())).raw(", ").t(words.person(c.by()))
                    .t(c.familyUpdate() ? ", update to the child and family sent to " : " with ").t(c.withWhom())
                    .raw(" (").t(c.channel()).t(c.isRecordedLate() ? "; recorded " + words.moment(c.recordedAt())
                            + ", late: " + c.lateReason() : "").raw("):</span> ").t(c.summary()).raw("</li>");
        }
        out.raw("</ul>");
    }

    private void cafcass(Concern concern, Out out) throws IOException {
        var referral = concern.cafcass();
        if (referral == null || referral.consideredAt() == null && referral.referredAt() == null) {
            return;
        }
        out.raw("<h5 class=\"starred-heading-xs\">CAFCASS</h5><ul class=\"starred-list\">");
        if (referral.consideredAt() != null) {
            out.raw("<li>Referral considered ").t(words.moment(referral.consideredAt())).raw("; told first: ");
            List<String> names = referral.informed().stream().map(words::person).toList();
            out.t(names.isEmpty() ? "no one" : String.join(", ", names)).raw("</li>");
        }
        if (referral.referredAt() != null) {
            out.raw("<li>Referred ").t(words.moment(referral.referredAt())).raw(" by ").t(words.person(referral.referredBy()))
                    .raw(": ").t(Labels.referralMode(referral.mode())).raw(". ").t(referral.reason()).raw("</li>");
            if (referral.decision() == null) {
                out.raw("<li>CAFCASS's decision due by ").t(words.due(referral.decisionDueAt())).raw("</li>");
            } else {
                out.raw("<li>").t(Labels.decision(referral.decision())).raw(" (").t(words.moment(referral.decidedAt()))
                        .raw(")").t(referral.decisionNotes() == null ? "" : ": " + referral.decisionNotes()).raw("</li>");
            }
        }
        out.raw("</ul>");
    }

    private void actions(CaseView view, Concern concern, Optional<Procedure> definition, Set<String> roles,
            Set<Cohort> childIs, Out out) throws IOException {
        if (definition.isEmpty()) {
            return;
        }
        Procedure procedure = definition.get();
        List<String> drivers = Rights.drivers(procedure);
        boolean drives = drivers.stream().anyMatch(roles::contains);
        boolean escalates = Rights.escalators(procedure).stream().anyMatch(roles::contains);
        boolean bypasses = escalates || roles.contains(TheLaw.IRO);
        boolean refers = Rights.referrers(procedure).stream().anyMatch(roles::contains) && TheLaw.mayBeReferred(childIs);
        boolean resolves = Rights.resolvers(procedure).stream().anyMatch(roles::contains);
        Optional<StageRecord> current = concern.currentStage();
        Optional<Stage> stage = current.flatMap(s -> procedure.stage(s.stageId()));
        String id = concern.id().toString();
        String version = Long.toString(concern.version());
        out.raw("<div class=\"starred-actions\"><h5 class=\"starred-heading-xs\">What you can do</h5>");
        int offered = 0;

        if (stage.isPresent() && stage.get().responders().stream().anyMatch(roles::contains)
                && current.get().response() == null) {
            offered++;
            open(out, "Respond to this concern", view, Op.RESPOND, id);
            out.form(view, KEY, Op.RESPOND.path, "").hidden("concern", id).hidden("version", version);
            out.choices("radio", "kind", "Your response", "", "AGREE", "I agree: the remedy will be done",
                    "DISAGREE", "I disagree (give your reasons)", "NO_REMIT", "I do not have the remit to resolve this");
            out.area("reasons", "Reasons", "Needed when you disagree", null, false);
            out.raw("<fieldset class=\"starred-fieldset\"><legend class=\"starred-legend\">Agreed actions")
                    .raw(" <span class=\"starred-optional\">(when you agree; without any, what the IRO asked for is")
                    .raw(" the agreed action, due by the IRO's date)</span></legend>");
            List<String> people = new ArrayList<>(List.of(view.viewerId(), "Me, " + words.person(view.viewerId())));
            procedure.roles().stream().filter(r -> !drivers.contains(r))
                    .flatMap(r -> staff.holders(r, concern.childId()).stream()).distinct()
                    .filter(m -> !m.id().equals(view.viewerId())).forEach(m -> {
                        people.add(m.id());
                        people.add(m.name());
                    });
            for (int row = 1; row <= 2; row++) {
                out.raw("<div class=\"starred-action-row\">")
                        .text("agreedAction", "Action " + row, null, null, false)
                        .select("agreedActionResponsible", "Who will do action " + row, null, view.viewerId(),
                                people.toArray(new String[0]))
                        .date("agreedActionDueBy", "Action " + row + " due by", null, null, false)
                        .raw("</div>");
            }
            late(out.raw("</fieldset>"), "When you gave it").button("Record response", false).raw("</form>");
            close(out);
        }
        if (stage.isPresent() && stage.get().satisfiedBy() != null
                && stage.get().satisfiedBy().roles().stream().anyMatch(roles::contains)) {
            offered++;
            open(out, "Say whether you are satisfied", view, Op.RECORD_SATISFACTION, id);
            out.form(view, KEY, Op.RECORD_SATISFACTION.path, "").hidden("concern", id).hidden("version", version);
            out.choices("radio", "satisfied", "Are you satisfied the concern is resolved?", "", "true",
                    "Yes, I am satisfied", "false", "No, I am not satisfied (give your reasons)");
            out.area("reasons", "Reasons", "Needed when you are not satisfied", null, false)
                    .button("Record my answer", false).raw("</form>");
            close(out);
        }
        if (stage.isPresent()) {
            for (RequiredAction required : stage.get().requiredActions()) {
                boolean done = current.get().actions().stream().anyMatch(a -> a.actionId().equals(required.id()));
                if (!done && (required.byRoles().stream().anyMatch(roles::contains) || drives)) {
                    offered++;
                    open(out, "Record done: " + required.description(), view, Op.RECORD_ACTION, id);
                    out.form(view, KEY, Op.RECORD_ACTION.path, "").hidden("concern", id).hidden("version", version)
                            .hidden("actionId", required.id());
                    late(out.area("note", "Note", null, null, false), "When it happened")
                            .button("Record as done", false).raw("</form>");
                    close(out);
                }
            }
        }
        for (AgreedAction action : concern.agreedActions()) {
            if (!action.isCompleted()) {
                offered++;
                open(out, "Record agreed action " + action.number() + " done", view, Op.COMPLETE_AGREED_ACTION, id);
                out.form(view, KEY, Op.COMPLETE_AGREED_ACTION.path, "").hidden("concern", id).hidden("version", version)
                        .hidden("number", action.number());
                out.area("note", "Note", null, null, false).button("Record as done", false).raw("</form>");
                close(out);
            }
        }
        if (bypasses) {
            int at = current.map(s -> procedure.indexOf(s.stageId())).orElse(-1);
            if (at >= 0 && at + 1 < procedure.stages().size()) {
                List<String> options = new ArrayList<>();
                Stage next = procedure.stages().get(at + 1);
                options.add("");
                options.add(next.name() + " (the next stage)");
                List<String> bypassTo = new ArrayList<>();
                for (Stage later : procedure.stages().subList(at + 2, procedure.stages().size())) {
                    if (later.mayEnterDirectly()) {
                        options.add(later.id());
                        options.add(later.name());
                    }
                    bypassTo.add(later.id());
                    bypassTo.add(later.name());
                }
                if (escalates) {
                    offered++;
                    open(out, "Escalate", view, Op.ESCALATE, id);
                    out.form(view, KEY, Op.ESCALATE.path, "").hidden("concern", id).hidden("version", version);
                    out.select("toStage", "Escalate to", null, "", options.toArray(new String[0]));
                    out.area("note", "Why", null, null, false);
                    out.date("remedyDueBy", "The IRO's timescale for the remedy", "Now by "
                            + words.day(concern.remedyDueBy()) + "; give a new date only to change it. It is told"
                            + " with the stage", null, false);
                    if (refers && (concern.cafcass() == null || !concern.cafcass().isReferred())) {
                        out.area("referToCafcass", "Refer to CAFCASS as it enters the stage", "Only if you refer the"
                                + " case alongside the process now: your reason", null, false);
                    }
                    late(out, "When it was escalated").button("Escalate", false).raw("</form>");
                    close(out);
                }
                if (!bypassTo.isEmpty()) {
                    offered++;
                    open(out, "Bypass stages", view, Op.BYPASS, id);
                    out.form(view, KEY, Op.BYPASS.path, "").hidden("concern", id).hidden("version", version);
                    out.select("toStage", "Go straight to", "The stages between are recorded as bypassed", null,
                            bypassTo.toArray(new String[0]));
                    out.area("reason", "Reason for bypassing", null, null, true).button("Bypass", false)
                            .raw("</form>");
                    close(out);
                }
            }
        }
        if (refers || drives && concern.cafcass() != null && concern.cafcass().isReferred()) {
            var referral = concern.cafcass();
            boolean considered = referral != null && referral.consideredAt() != null;
            boolean referred = referral != null && referral.isReferred();
            if (!considered && refers) {
                offered++;
                open(out, "Consider a referral to CAFCASS", view, Op.CONSIDER_CAFCASS, id);
                out.form(view, KEY, Op.CONSIDER_CAFCASS.path, "").hidden("concern", id).hidden("version", version);
                String first = procedure.cafcass().informFirst().stream().map(RoleWords::of)
                        .reduce((a, b) -> a + ", " + b).orElse("no one");
                out.area("reason", "Why a referral is being considered", "Told first, as the procedure says: " + first,
                        null, true).button("Tell them and consider referral", false).raw("</form>");
                close(out);
            } else if (!referred && refers) {
                offered++;
                open(out, "Refer to CAFCASS", view, Op.REFER_TO_CAFCASS, id);
                out.form(view, KEY, Op.REFER_TO_CAFCASS.path, "").hidden("concern", id).hidden("version", version);
                out.choices("radio", "mode", "How", ReferralMode.CONCURRENT.name(), ReferralMode.CONCURRENT.name(),
                        Labels.referralMode(ReferralMode.CONCURRENT), ReferralMode.AT_END.name(),
                        Labels.referralMode(ReferralMode.AT_END), ReferralMode.CURTAILED.name(),
                        Labels.referralMode(ReferralMode.CURTAILED));
                out.area("reason", "Reason for the referral", null, null, true).button("Refer to CAFCASS", false)
                        .raw("</form>");
                close(out);
            } else if (referred && referral.decision() == null) {
                offered++;
                open(out, "Record CAFCASS's decision", view, Op.RECORD_CAFCASS_DECISION, id);
                out.form(view, KEY, Op.RECORD_CAFCASS_DECISION.path, "").hidden("concern", id).hidden("version", version);
                out.choices("radio", "decision", "CAFCASS's decision", "", "PROCEEDINGS",
                        Labels.decision(uk.starred.api.concern.CafcassDecision.PROCEEDINGS), "NO_PROCEEDINGS",
                        Labels.decision(uk.starred.api.concern.CafcassDecision.NO_PROCEEDINGS));
                out.area("notes", "Notes", null, null, false).button("Record decision", false).raw("</form>");
                close(out);
            }
        }
        offered += progress.moreTimeForms(view, concern, procedure, roles, KEY, out);
        // the draft is read only where the procedure asks an update at this stage of someone who drives it
        offered += progress.familyUpdateForm(view, concern, drives && FamilyUpdates.askedAt(concern, procedure)
                ? concerns.familyUpdate(concern.id()) : Optional.empty(), KEY, out);
        if (resolves) {
            offered++;
            open(out, "Resolve", view, Op.RESOLVE, id);
            out.form(view, KEY, Op.RESOLVE.path, "").hidden("concern", id).hidden("version", version);
            out.area("how", "How it was resolved", null, null, true).button("Resolve concern", false).raw("</form>");
            close(out);
            offered++;
            open(out, "Withdraw", view, Op.WITHDRAW, id);
            out.form(view, KEY, Op.WITHDRAW.path, "").hidden("concern", id).hidden("version", version);
            out.area("reason", "Why it is withdrawn", null, null, true).button("Withdraw concern", true).raw("</form>");
            close(out);
        }
        // the endings the stage names ("internal decision only"), to those who decide them
        for (Ending ending : stage.map(Stage::endings).orElse(List.of())) {
            if (Rights.deciders(procedure, ending).stream().anyMatch(roles::contains)) {
                offered++;
                open(out, ending.name(), view, Op.END, id);
                out.form(view, KEY, Op.END.path, "").hidden("concern", id).hidden("version", version)
                        .hidden("ending", ending.id());
                out.area("reasons", "Reasons", null, null, true).button("End the concern: " + ending.name(), true)
                        .raw("</form>");
                close(out);
            }
        }
        if (!procedure.roles().stream().filter(roles::contains).toList().isEmpty()) {
            offered++;
            open(out, "Record a communication", view, Op.RECORD_COMMUNICATION, id);
            out.form(view, KEY, Op.RECORD_COMMUNICATION.path, "").hidden("concern", id).hidden("version", version);
            late(out.text("withWhom", "With whom", null, null, true).text("channel", "How",
                    "Meeting, telephone, email, letter", null, true).area("summary", "Summary", null, null, true),
                    "When it happened").button("Record communication", true).raw("</form>");
            close(out);
        }
        if (offered == 0) {
            out.raw("<p class=\"starred-body\">Nothing here is for you to do.</p>");
        }
        out.raw("</div>");
    }

    /** Opens the form of the command on the concern: open already when it is the form just refused. */
    static void open(Out out, String summary, CaseView view, Op op, String concernId) throws IOException {
        boolean refused = op.path.equals(view.parameter("op")) && concernId.equals(view.parameter("concern"));
        out.raw(refused ? "<details class=\"starred-details\" open>" : "<details class=\"starred-details\">")
                .raw("<summary class=\"starred-summary\">").t(summary).raw("</summary><div class=\"starred-details-body\">");
    }

    static void close(Out out) throws IOException {
        out.raw("</div></details>");
    }
}
