package uk.starred.referencehost.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.api.practice.GoodPracticeService;
import uk.starred.api.procedure.Gate;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.deadline.DeadlineService;
import uk.starred.api.operations.OperationsService;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.InstalledProcedure;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.referencehost.session.Session;

/**
 * The demo's caseload under the five seed procedures: for each procedure as it is installed, one
 * child at each of its stages, raised and escalated there through the public
 * {@link ConcernService} by the child's IRO or Child Protection Chair; and for the first and last
 * procedures, one concern resolved and one referred to CAFCASS, so the oversight figures have
 * endings to count. A child who already has concerns is left alone, so a restart adds nothing.
 */
@Component(immediate = true, service = DemoCaseload.class)
public class DemoCaseload {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCaseload.class);

    /** What the demo shows under each seed procedure: its stages in order, and the children's legal status. */
    record Plan(String procedureId, String council, Cohort cohort, List<String> stageIds) {
    }

    /** The procedure whose demo children have review timetables. */
    static final String REVIEWS_SHOWN_UNDER = "seed-002-looked-after-reviews";

    static final List<Plan> PLANS = List.of(
            new Plan("seed-000-starred-decisions", "North", Cohort.LOOKED_AFTER, List.of("STARRED_DECISION",
                    "DISPUTE_REGISTERED", "SERVICE_MANAGER_AND_HEAD_OF_SERVICE", "HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR",
                    "LEGAL_ADVICE", "EXECUTIVE_DIRECTOR")),
            new Plan("seed-001-dispute-resolution", "East", Cohort.LOOKED_AFTER, List.of("REVIEW", "RATIFICATION",
                    "NOTIFICATION_OF_DECISION", "INFORMAL_RESOLUTION", "FORMAL_RESOLUTION_CHILDRENS_SERVICES",
                    "FORMAL_RESOLUTION_LOCAL_AUTHORITY", "CHIEF_EXECUTIVE")),
            new Plan("seed-002-looked-after-reviews", "South", Cohort.LOOKED_AFTER, List.of("INFORMAL",
                    "LEVEL_1", "LEVEL_2", "LEVEL_3")),
            new Plan("seed-003-dispute-resolution-flow-chart", "West", Cohort.LOOKED_AFTER, List.of(
                    "INFORMAL_DISCUSSION", "STAGE_1", "STAGE_2", "STAGE_3", "STAGE_4", "STAGE_5", "STAGE_6")),
            new Plan("seed-004-alert-process", "Central", Cohort.CHILD_PROTECTION, List.of("CONVERSATION",
                    "INFORMAL_ALERT", "FORMAL_ALERT", "HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR")));

    /** What a demo child is there to show. */
    enum Shows { STAGE, RESOLVED, CAFCASS }

    /** A demo child and what is shown for them. */
    record DemoChild(ChildRecord record, Plan plan, Shows shows, int stage) {
    }

    private static final String[] FIRST = {"Aisha", "Bobby", "Callum", "Daisy", "Ellis", "Freya", "Grace", "Harvey",
        "Imran", "Jade", "Kai", "Leah", "Mason", "Nia", "Oscar", "Poppy", "Rhys", "Sofia", "Theo", "Uma", "Vinnie",
        "Willow", "Yusuf", "Zara", "Alfie", "Bella", "Connor", "Dylan", "Esme", "Finley", "Gemma", "Hamza", "Isla"};
    private static final String[] LAST = {"Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hall",
        "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Novak", "O'Brien", "Patel", "Quinn", "Roberts", "Singh",
        "Taylor", "Usman", "Vaughan", "Walker", "Young", "Zielinski", "Adams", "Brown", "Carter", "Doyle", "Edwards",
        "Foster", "Gill", "Hughes"};

    static final List<DemoChild> DEMO_CHILDREN = demoChildren();
    static final List<ChildRecord> CHILDREN = DEMO_CHILDREN.stream().map(DemoChild::record).toList();

    private static List<DemoChild> demoChildren() {
        List<DemoChild> out = new ArrayList<>();
        int n = 0;
        for (int p = 0; p < PLANS.size(); p++) {
            Plan plan = PLANS.get(p);
            String team = (plan.cohort() == Cohort.LOOKED_AFTER ? "Children in Care Team " : "Safeguarding Team ")
                    + plan.council();
            for (int s = 0; s < plan.stageIds().size(); s++) {
                out.add(new DemoChild(child(plan, n++, "S" + (s + 1), team), plan, Shows.STAGE, s));
            }
            if (p == 0 || p == PLANS.size() - 1) {
                out.add(new DemoChild(child(plan, n++, "RESOLVED", team), plan, Shows.RESOLVED, 0));
                // the law lets only a looked-after child be referred (Children Act 1989 s25B(3)): the demo's
                // referral under a child protection procedure is of a child both looked after and on a plan
                out.add(new DemoChild(child(plan, n++, "CAFCASS", team, Cohort.LOOKED_AFTER), plan, Shows.CAFCASS, 0));
            }
        }
        return List.copyOf(out);
    }

    private static ChildRecord child(Plan plan, int n, String suffix, String team, Cohort... also) {
        String id = "DEMO-" + plan.procedureId().substring(5, 8) + "-" + suffix;
        Set<Cohort> cohorts = java.util.EnumSet.of(plan.cohort(), also);
        return new ChildRecord(id, FIRST[n % FIRST.length] + " " + LAST[(n * 7) % LAST.length], cohorts,
                LocalDate.of(2008 + n % 14, 1 + n % 12, 1 + (n * 3) % 28), "demo-social-worker", team);
    }

    private final ConcernService concerns;
    private final GoodPracticeService goodPractice;
    private final ReviewService reviews;
    private final DemoHistory history;
    private final Set<String> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Procedure> installed = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean historyAsked = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean historyMade;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "starred-demo-caseload"));

    @Activate
    public DemoCaseload(@Reference ConcernService concerns, @Reference GoodPracticeService goodPractice,
            @Reference ReviewService reviews, @Reference DeadlineService deadlines,
            @Reference OperationsService operations, @Reference DemoClock clock) {
        this.concerns = concerns;
        this.goodPractice = goodPractice;
        this.reviews = reviews;
        this.history = new DemoHistory(concerns, deadlines, operations, clock);
    }

    /**
     * Seeds each procedure's children as it is installed, one after another on the demo's own thread: the first
     * three children under the demo procedure, the teams' year of history once its procedures are in, then a child
     * at each stage of each seed procedure.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProcedure(InstalledProcedure installed) {
        Procedure procedure = installed.procedure();
        this.installed.put(procedure.id(), procedure);
        if (procedure.id().equals(DemoProcedure.ID)) {
            worker.execute(() -> DemoConcerns.raise(concerns, procedure));
        }
        if (this.installed.keySet().containsAll(DemoHistory.PROCEDURES) && historyAsked.compareAndSet(false, true)) {
            worker.execute(this::makeHistory);
        }
        worker.execute(() -> seed(procedure));
    }

    private void makeHistory() {
        try {
            history.make(this.installed::get);
        } catch (Exception e) {
            LOG.warn("Starred demo: the teams' year of history could not be made: {}", e.getClass().getName());
        }
        historyMade = true;
    }

    void removeProcedure(InstalledProcedure installed) {
        // concerns stay pinned to the definition they started under; nothing to undo
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void seed(Procedure procedure) {
        int raised = 0;
        for (DemoChild child : DEMO_CHILDREN) {
            if (!child.plan().procedureId().equals(procedure.id()) || Thread.currentThread().isInterrupted()) {
                continue;
            }
            String chair = child.shows() == Shows.CAFCASS || child.plan().cohort() == Cohort.LOOKED_AFTER ? "demo-iro"
                    : "demo-cpc";
            try {
                if (!Session.runAs(chair, () -> concerns.concernsForChild(child.record().id())).isEmpty()) {
                    continue;
                }
                Session.runAs(chair, () -> seed(procedure, child));
                if (child.plan().procedureId().equals(REVIEWS_SHOWN_UNDER) && child.shows() == Shows.STAGE) {
                    Session.runAs(chair, () -> reviewTimetable(child));
                }
                raised++;
            } catch (Exception e) {
                LOG.warn("Starred demo: could not set up a demo child under {}: {}", procedure.id(),
                        e.getClass().getName());
            }
        }
        if (raised > 0) {
            LOG.info("Starred demo: {} demo concern(s) raised under {}", raised, procedure.id());
        }
        seeded.add(procedure.id());
    }

    /** @return whether the caseload of every seed procedure is in place */
    public boolean isReady() {
        return historyMade && PLANS.stream().allMatch(plan -> seeded.contains(plan.procedureId()));
    }

    private Concern seed(Procedure procedure, DemoChild child) {
        Reason reason = procedure.reasons().stream().filter(r -> r.appliesTo().contains(child.plan().cohort()))
                .findFirst().orElseThrow();
        Stage first = procedure.stages().get(0);
        String responding = first.responders().isEmpty() ? "TEAM_MANAGER" : first.responders().get(0);
        String responder = responding.contains("MANAGER") && !responding.equals("TEAM_MANAGER") ? "demo-service-manager"
                : "demo-team-manager";
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("Europe/London")));
        Concern concern = concerns.raise(new RaiseConcern(child.record().id(), procedure.ref(),
                child.stage() == 0 ? ConcernOrigin.STARRED_DECISION : ConcernOrigin.RED_RAG_RATING,
                List.of(reason.code()), "Demo: " + reason.label() + ".",
                "The plan brought back on track and confirmed in writing to the IRO.", today.plusDays(14), responder,
                null));
        for (int s = 1; s <= child.stage(); s++) {
            concern = done(procedure, concern, Gate.ESCALATE);
            concern = concerns.escalate(concern.id(), concern.version(), null,
                    "Not resolved at the previous stage (demo).");
        }
        switch (child.shows()) {
            case RESOLVED -> {
                concern = done(procedure, concern, Gate.RESOLVE);
                concern = concerns.resolve(concern.id(), concern.version(),
                        "Plan agreed at a meeting with the Team Manager (demo).");
                goodPractice.recognise(child.record().id(), responder,
                        "Met the IRO within two days and agreed a plan the child could understand (demo).");
            }
            case CAFCASS -> {
                concern = concerns.considerCafcassReferral(concern.id(), concern.version(),
                        "The plan has drifted for months and the child's rights may be breached (demo).");
                concern = concerns.referToCafcass(concern.id(), concern.version(), ReferralMode.CONCURRENT,
                        "Referred alongside the process: the child's need is pressing (demo).");
            }
            default -> {
            }
        }
        return concern;
    }

    /**
     * Under seed 002, whose disputes start from reviews: each demo child's review timetable, looked after for
     * two months (their IRO appointed two days after), the initial review held three days ago with the Social
     * Worker, the Team Manager and the Service Manager, its decision record circulated today, so that the
     * managers' five working days to disagree are open.
     */
    private ReviewTimetable reviewTimetable(DemoChild child) {
        Optional<ReviewTimetable> kept = reviews.timetable(child.record().id());
        if (kept.isPresent()) {
            return kept.get();
        }
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("Europe/London")));
        ReviewTimetable started = reviews.lookedAfterFrom(child.record().id(), today.minusMonths(2));
        ReviewTimetable t = reviews.iroAppointed(child.record().id(), started.version(), today.minusMonths(2)
                .plusDays(2));
        t = reviews.reviewHeld(child.record().id(), t.version(), today.minusDays(3), List.of("demo-social-worker",
                "demo-team-manager", "demo-service-manager"));
        return reviews.decisionRecordCirculated(child.record().id(), t.version(), 1, today);
    }

    /** Records, as the IRO, what the current stage requires before the step, as a council's IRO would first. */
    private Concern done(Procedure procedure, Concern concern, Gate step) {
        Stage stage = procedure.stage(concern.currentStage().orElseThrow().stageId()).orElseThrow();
        for (var action : stage.gating(step)) {
            concern = concerns.recordAction(concern.id(), concern.version(), action.id(), "Done (demo).");
        }
        return concern;
    }
}
