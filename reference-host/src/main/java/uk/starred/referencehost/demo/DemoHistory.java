package uk.starred.referencehost.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.deadline.DeadlineService;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.StaffMember;
import uk.starred.api.operations.OperationsService;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.referencehost.session.Session;

/**
 * The demo council's year: three teams, each with its own social worker, team manager and IRO or Child Protection
 * Chair, whose children had challenges raised across the last twelve months. The history is made through the
 * engine's own commands with {@link DemoClock} set to each moment in turn, the deadline sweep run as the days
 * pass: some challenges resolved in time, some escalated and resolved late, some withdrawn, some referred to
 * CAFCASS and decided, some with agreed actions still due, some open and overdue today. So the oversight
 * figures, their trends and the IRO annual report have a true year to show, and who may see and do what differs
 * from team to team. A child who already has concerns is left alone, so a restart adds nothing.
 */
final class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String PREFIX = "DEMO-TEAM-";
    private static final java.util.concurrent.locks.ReentrantLock ONE_AT_A_TIME =
            new java.util.concurrent.locks.ReentrantLock();

    /** A team and its people: the social worker, the team manager and the chair of its children's reviews. */
    record Team(String code, String name, Cohort cohort, String procedureId, StaffMember worker, StaffMember manager,
            StaffMember chair, String chairRole) {
    }

    static final List<Team> TEAMS = List.of(
            new Team("RIVERSIDE", "Children in Care Team Riverside", Cohort.LOOKED_AFTER, "seed-000-starred-decisions",
                    staff("riverside-social-worker", "Ife Adebayo (Social Worker)", "Children in Care Team Riverside"),
                    staff("riverside-team-manager", "Marcus Doyle (Team Manager)", "Children in Care Team Riverside"),
                    staff("riverside-iro", "Grace Lin (IRO)", "Independent Reviewing Service"), "IRO"),
            new Team("HILLSIDE", "Children in Care Team Hillside", Cohort.LOOKED_AFTER, "seed-000-starred-decisions",
                    staff("hillside-social-worker", "Ellie Ward (Social Worker)", "Children in Care Team Hillside"),
                    staff("hillside-team-manager", "Sunil Mehta (Team Manager)", "Children in Care Team Hillside"),
                    staff("hillside-iro", "Ruth Okoro (IRO)", "Independent Reviewing Service"), "IRO"),
            new Team("PARKSIDE", "Safeguarding Team Parkside", Cohort.CHILD_PROTECTION, "seed-004-alert-process",
                    staff("parkside-social-worker", "Josh Price (Social Worker)", "Safeguarding Team Parkside"),
                    staff("parkside-team-manager", "Hannah Cole (Team Manager)", "Safeguarding Team Parkside"),
                    staff("parkside-cpc", "David Osei (Child Protection Chair)", "Independent Reviewing Service"), "CPC"));

    /** The procedures the history runs under. */
    static final Set<String> PROCEDURES = Set.of("seed-000-starred-decisions", "seed-004-alert-process");

    private static final int CHILDREN_A_TEAM = 6;
    private static final int CHALLENGES_A_CHILD = 3;

    private static final String[] NAMES = {"Tyler Grant", "Mia Hussain", "Logan Pryce", "Ava Kowalski", "Noah Bennett",
        "Lily Ashworth", "Ethan Mensah", "Ruby Clarke", "Jacob Noor", "Evie Sutton", "Leo Barnes", "Holly Cheng",
        "Archie Flynn", "Maisie Okoye", "Riley Stone", "Amelia Quinn", "Harry Dutta", "Erin Walsh"};

    static final List<ChildRecord> CHILDREN = children();
    static final List<StaffMember> STAFF = TEAMS.stream().flatMap(t -> java.util.stream.Stream.of(t.worker(),
            t.manager(), t.chair())).toList();

    private static StaffMember staff(String id, String name, String team) {
        return new StaffMember(id, name, id.replace('-', '.') + "@council.example", team);
    }

    private static List<ChildRecord> children() {
        List<ChildRecord> out = new ArrayList<>();
        int n = 0;
        for (Team team : TEAMS) {
            for (int i = 1; i <= CHILDREN_A_TEAM; i++, n++) {
                out.add(new ChildRecord(PREFIX + team.code() + "-" + i, NAMES[n % NAMES.length],
                        EnumSet.of(team.cohort()), LocalDate.of(2009 + n % 12, 1 + n % 12, 1 + (n * 5) % 28),
                        team.worker().id(), team.name()));
            }
        }
        return List.copyOf(out);
    }

    static boolean isTeamsChild(String childId) {
        return childId.startsWith(PREFIX);
    }

    private static Team teamOf(String childId) {
        return TEAMS.stream().filter(t -> childId.startsWith(PREFIX + t.code() + "-")).findFirst().orElseThrow();
    }

    /** @return what one of the teams' people does, for the sign-in page; empty for anyone else */
    static String describe(String staffId) {
        for (Team t : TEAMS) {
            if (t.worker().id().equals(staffId)) {
                return "Social worker in " + t.name() + ": that team's children only";
            }
            if (t.manager().id().equals(staffId)) {
                return "Team Manager of " + t.name() + ": responds for that team's children only";
            }
            if (t.chair().id().equals(staffId)) {
                return (t.chairRole().equals("IRO") ? "IRO" : "Child Protection Chair") + " for " + t.name()
                        + "'s children only";
            }
        }
        return "";
    }

    /** The team's own people hold the child's roles: the social worker, the team manager, the chair. */
    static Set<String> chairRoles(String staffId, ChildRecord child) {
        Team team = teamOf(child.id());
        if (team.worker().id().equals(staffId)) {
            return Set.of("SOCIAL_WORKER", "ALLOCATED_WORKER");
        }
        if (team.manager().id().equals(staffId)) {
            return Set.of("TEAM_MANAGER");
        }
        return team.chair().id().equals(staffId) ? Set.of(team.chairRole()) : Set.of();
    }

    /** One step of the history: at a moment, by someone, on a challenge (made by an earlier step). */
    private record Step(Instant at, String actor, Challenge challenge, Function<Concern, Concern> command) {
    }

    /** A challenge as the history makes it: the concern, as its last step left it. */
    private static final class Challenge {
        Concern concern;
        boolean failed;
    }

    private final ConcernService concerns;
    private final DeadlineService deadlines;
    private final OperationsService operations;
    private final DemoClock clock;

    DemoHistory(ConcernService concerns, DeadlineService deadlines, OperationsService operations, DemoClock clock) {
        this.concerns = concerns;
        this.deadlines = deadlines;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * Makes the year, unless the teams' children already have theirs.
     *
     * @param procedures the procedures as installed, by id
     */
    void make(Function<String, Procedure> procedures) throws Exception {
        // one history at a time in the demo: a component started again waits for the one before to stop, then
        // makes what that one had not
        ONE_AT_A_TIME.lockInterruptibly();
        try {
            plan(procedures);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private void plan(Function<String, Procedure> procedures) throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        List<Step> steps = new ArrayList<>();
        int n = 0;
        for (ChildRecord child : CHILDREN) {
            Team team = teamOf(child.id());
            if (!Session.runAs(team.chair().id(), () -> concerns.concernsForChild(child.id())).isEmpty()) {
                continue;
            }
            Procedure procedure = procedures.apply(team.procedureId());
            for (int j = 0; j < CHALLENGES_A_CHILD; j++, n++) {
                // spread over the year, each on a working morning
                LocalDate raised = weekday(today.minusDays(5 + (n * 53L + j * 97L) % 355));
                plan(steps, procedure, team, child, raised, n, today);
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        steps.sort(Comparator.comparing(Step::at));
        replay(steps);
    }

    /**
     * Runs the steps in order with the clock at each one's moment, the deadline sweep run at each midnight
     * between them (a due moment is the start of the day after the due day), each challenge read again before
     * its next step (a deadline may have changed it). Stops when the thread is interrupted; the clock is the
     * time now again however it ends.
     */
    private void replay(List<Step> steps) {
        clock.at(steps.get(0).at());
        if (Duration.between(operations.status().at(), steps.get(0).at()).abs().toHours() > 1) {
            clock.now();
            LOG.warn("Starred demo: the engine does not keep the demo's clock, so the teams' year of history is not"
                    + " made");
            return;
        }
        int done = 0;
        int refused = 0;
        LocalDate swept = LocalDate.ofInstant(steps.get(0).at(), LONDON);
        try {
            for (Step step : steps) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("Starred demo: the teams' year of history stopped part way; the demo goes on from there"
                            + " when it starts again");
                    return;
                }
                for (LocalDate day = swept.plusDays(1); !day.isAfter(LocalDate.ofInstant(step.at(), LONDON));
                        day = day.plusDays(1)) {
                    clock.at(day.atStartOfDay(LONDON).toInstant().plusSeconds(60));
                    deadlines.fireDue();
                    swept = day;
                }
                clock.at(step.at());
                if (step.challenge().failed) {
                    continue;
                }
                try {
                    Concern after = Session.runAs(step.actor(), () -> step.command().apply(step.challenge().concern
                            == null ? null : concerns.find(step.challenge().concern.id()).orElseThrow()));
                    step.challenge().concern = after;
                    done++;
                } catch (Exception e) {
                    // the rest of this challenge's history is left; the others go on
                    step.challenge().failed = true;
                    refused++;
                    LOG.warn("Starred demo: a step of the teams' history was refused: {}", e.getClass().getName());
                }
            }
        } finally {
            clock.now();
        }
        deadlines.fireDue();
        LOG.info("Starred demo: the teams' year of history made, {} step(s) through the engine, {} refused", done,
                refused);
    }

    private static LocalDate weekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static Instant at(LocalDate day, int hour) {
        return weekday(day).atTime(LocalTime.of(hour, 0)).atZone(LONDON).toInstant();
    }

    /** The steps of one challenge, by the pattern its number gives, up to today. */
    private void plan(List<Step> steps, Procedure procedure, Team team, ChildRecord child, LocalDate raised, int n,
            LocalDate today) {
        Challenge c = new Challenge();
        String chair = team.chair().id();
        String manager = team.manager().id();
        Reason reason = procedure.reasons().stream().filter(r -> r.appliesTo().contains(team.cohort()))
                .skip(n % 3).findFirst().orElse(procedure.reasons().get(0));
        ConcernOrigin origin = List.of(ConcernOrigin.STARRED_DECISION, ConcernOrigin.RED_RAG_RATING,
                ConcernOrigin.STARRED_DECISION, ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                ConcernOrigin.MISSED_STATUTORY_TIMETABLE).get(n % 5);
        List<Step> mine = new ArrayList<>();
        mine.add(new Step(at(raised, 10), chair, c, ignored -> concerns.raise(new RaiseConcern(child.id(),
                procedure.ref(), origin, List.of(reason.code()), "The plan for " + child.displayName().split(" ")[0]
                        + " has drifted: " + reason.label(), "The plan brought back on track and confirmed to the"
                                + " chair in writing.", raised.plusDays(21), manager, null))));
        int pattern = n % 10;
        if (team.cohort() == Cohort.CHILD_PROTECTION && pattern == 6) {
            pattern = 0; // only a looked-after child may be referred to CAFCASS (Children Act 1989 s25B(3))
        }
        switch (pattern) {
            case 0, 1, 2, 3 -> {
                mine.add(new Step(at(raised.plusDays(2), 11), manager, c, x -> respond(x, ResponseKind.AGREE, null)));
                mine.add(new Step(at(raised.plusDays(4), 15), chair, c, x -> resolve(procedure, x,
                        "The plan was agreed with the Team Manager and is back on track.")));
            }
            case 4 -> {
                mine.add(new Step(at(raised.plusDays(2), 11), manager, c, x -> respond(x, ResponseKind.DISAGREE, null)));
                mine.add(new Step(at(raised.plusDays(11), 10), chair, c, x -> escalate(procedure, x)));
                mine.add(new Step(at(raised.plusDays(30), 15), chair, c, x -> resolve(procedure, x,
                        "Agreed at the Service Manager's meeting, after the stage's timescale had passed.")));
            }
            case 5 -> mine.add(new Step(at(raised.plusDays(3), 12), chair, c, x -> concerns.withdraw(x.id(),
                    x.version(), "The placement decision was made at panel the same week.")));
            case 6 -> {
                mine.add(new Step(at(raised.plusDays(3), 10), chair, c, x -> concerns.considerCafcassReferral(x.id(),
                        x.version(), "Months of drift in permanence planning; the child's rights may be breached.")));
                mine.add(new Step(at(raised.plusDays(5), 10), chair, c, x -> concerns.referToCafcass(x.id(),
                        x.version(), ReferralMode.CONCURRENT, "Referred alongside the process: the need is pressing.")));
                mine.add(new Step(at(raised.plusDays(17), 14), chair, c, x -> concerns.recordCafcassDecision(x.id(),
                        x.version(), n % 20 < 10 ? CafcassDecision.PROCEEDINGS : CafcassDecision.NO_PROCEEDINGS,
                        "CAFCASS's decision as given in its letter.")));
                mine.add(new Step(at(raised.plusDays(25), 15), chair, c, x -> resolve(procedure, x,
                        "The plan agreed once CAFCASS had decided.")));
            }
            case 7 -> {
                mine.add(new Step(at(raised.plusDays(2), 11), manager, c, x -> respond(x, ResponseKind.AGREE,
                        new NewAgreedAction("Hold a permanence planning meeting and send the plan to the chair.",
                                manager, raised.plusDays(40)))));
                mine.add(new Step(at(raised.plusDays(36), 16), manager, c, x -> concerns.completeAgreedAction(x.id(),
                        x.version(), 1, "Meeting held; the plan sent.")));
                mine.add(new Step(at(raised.plusDays(45), 15), chair, c, x -> resolve(procedure, x,
                        "The agreed action was done.")));
            }
            case 8 -> {
                mine.add(new Step(at(raised.plusDays(3), 11), manager, c, x -> respond(x, ResponseKind.DISAGREE, null)));
                mine.add(new Step(at(raised.plusDays(12), 10), chair, c, x -> escalate(procedure, x)));
            }
            default -> {
                // no response: the stage's timescale passes
            }
        }
        Instant now = today.atStartOfDay(LONDON).toInstant();
        mine.stream().filter(s -> s.at().isBefore(now)).forEach(steps::add);
    }

    private Concern respond(Concern c, ResponseKind kind, NewAgreedAction action) {
        return concerns.respond(c.id(), c.version(), kind, kind == ResponseKind.AGREE
                ? "Agreed: the plan will be brought back on track." : "The plan is on track; the delay was the court's.",
                action == null ? List.of() : List.of(action));
    }

    private Concern escalate(Procedure procedure, Concern c) {
        Concern ready = gated(procedure, c, Gate.ESCALATE);
        return concerns.escalate(ready.id(), ready.version(), null, "Not resolved at the first stage.");
    }

    private Concern resolve(Procedure procedure, Concern c, String how) {
        Concern ready = gated(procedure, c, Gate.RESOLVE);
        return concerns.resolve(ready.id(), ready.version(), how);
    }

    /** Records what the current stage requires before the step, as a chair would first. */
    private Concern gated(Procedure procedure, Concern concern, Gate step) {
        Concern c = concern;
        Stage stage = procedure.stage(c.currentStage().orElseThrow().stageId()).orElseThrow();
        for (var action : stage.gating(step)) {
            c = concerns.recordAction(c.id(), c.version(), action.id(), "Done.");
        }
        return c;
    }
}
