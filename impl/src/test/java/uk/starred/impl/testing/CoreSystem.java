package uk.starred.impl.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.NotFoundException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertService;
import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.AuditTrail;
import uk.starred.api.audit.AuditVerification;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.OpenConcern;
import uk.starred.api.concern.OpenConcernSummary;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.concern.OversightService;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineService;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.deadline.DueItem;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.Notification;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.outbox.PendingMessage;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.core.alert.ConcernAlerts;
import uk.starred.core.command.Checks;
import uk.starred.core.concern.CommandContext;
import uk.starred.core.concern.ConcernLifecycle;
import uk.starred.core.concern.LifecycleCommands;
import uk.starred.core.concern.Transition;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.impl.access.Access;
import uk.starred.impl.calendar.WorkingCalendarComponent;
import uk.starred.testkit.SettableClock;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.TestHost;

/**
 * The core's rules with nothing under them: each command applied by {@link ConcernLifecycle} to
 * concerns kept in memory, its transition kept as the store would keep it (the concern, a hash-chained
 * audit entry, the due moments kept in step, the case notes and notifications to deliver). The seed
 * scenarios run on it in milliseconds, as they run on the engine over H2 and PostgreSQL: what they
 * assert holds of the rules themselves, not of one store.
 */
public final class CoreSystem implements StarredSystem {

    /** A due moment as kept here. */
    private record Moment(String concernId, String childId, DueKey key, Instant dueAt, DeadlineState state,
            Instant firedAt, String outcome, boolean settled) {
    }

    public final TestHost host = new TestHost();
    public final SettableClock clock;
    private final WorkingCalendarComponent calendar = new WorkingCalendarComponent(
            uk.starred.impl.calendar.CouncilConfigurationTest.configuration(new String[0], new String[0],
                    new String[0]));
    private final Access access = new Access(host, host, host);
    private final Map<ProcedureRef, Procedure> procedures = new LinkedHashMap<>();
    private final Map<uk.starred.api.procedure.Cohort, ProcedureRef> selected = new LinkedHashMap<>();
    private final Map<ConcernId, Concern> concerns = new LinkedHashMap<>();
    private final Map<ConcernId, List<AuditEntry>> trails = new LinkedHashMap<>();
    private final Map<String, Moment> moments = new LinkedHashMap<>();
    private final List<CaseNote> notesToDeliver = new ArrayList<>();
    private final List<Notification> messagesToDeliver = new ArrayList<>();
    private final List<uk.starred.api.host.Episode> episodesToDeliver = new ArrayList<>();

    private final CoreReviews reviews = new CoreReviews(access, calendar, new CoreReviews.Keeper() {
        @Override
        public Instant now() {
            return CoreSystem.this.now();
        }

        @Override
        public Optional<Procedure> selectedFor(java.util.Set<uk.starred.api.procedure.Cohort> cohorts) {
            List<ProcedureRef> chosen = cohorts.stream().map(selected::get).distinct().toList();
            return chosen.size() == 1 && chosen.get(0) != null ? Optional.ofNullable(procedures.get(chosen.get(0)))
                    : Optional.empty();
        }

        @Override
        public Optional<ChildRecord> child(String childId) {
            return host.child(childId);
        }

        @Override
        public void keep(Transition t) {
            CoreSystem.this.keep(t, null);
        }

        @Override
        public void tell(String childId, List<uk.starred.core.concern.Notice> notices) {
            for (var n : notices) {
                messagesToDeliver.add(new Notification(UUID.randomUUID().toString(), n.to(), childId, childId,
                        n.subject(), n.body()));
            }
        }
    });

    public CoreSystem(Instant start) {
        this.clock = new SettableClock(start);
    }

    @Override
    public uk.starred.api.review.ReviewService reviews() {
        return reviews;
    }

    // ---------------------------------------------------------------- the system

    @Override
    public ConcernService concerns() {
        return concernService;
    }

    @Override
    public OversightService oversight() {
        return oversight;
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public OutboxService outbox() {
        return outbox;
    }

    @Override
    public AlertService alerts() {
        return childId -> {
            String actor = access.caller();
            boolean oversight = access.hasOversight(actor);
            List<Alert> alerts = new ArrayList<>();
            for (Concern c : concerns.values()) {
                Procedure p = procedures.get(c.procedure());
                if (c.childId().equals(childId) && (oversight || !access.procedureRoles(actor, childId, p).isEmpty())) {
                    alerts.addAll(new ConcernAlerts(calendar).of(c, p, access.people(childId), now()));
                }
            }
            alerts.sort(ConcernAlerts.ORDER);
            return alerts;
        };
    }

    @Override
    public DeadlineService deadlines() {
        return deadlines;
    }

    @Override
    public TestHost host() {
        return host;
    }

    @Override
    public SettableClock clock() {
        return clock;
    }

    @Override
    public void select(uk.starred.api.procedure.Cohort cohort, ProcedureRef procedure) {
        selected.put(cohort, procedure);
    }

    @Override
    public void install(Procedure procedure) {
        procedures.put(procedure.ref(), procedure);
    }

    @Override
    public Procedure seed(ProcedureRef seed) {
        Procedure procedure = Seeds.procedure(seed);
        install(procedure);
        return procedure;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- applying and keeping transitions

    private Concern command(ConcernId id, long expectedVersion, boolean cafcassDecision,
            BiFunction<Concern, CommandContext, Transition> rule) {
        String actor = access.caller();
        Concern before = concerns.get(id);
        if (before == null) {
            throw new NotFoundException("no concern with id " + id);
        }
        if (before.version() != expectedVersion) {
            throw new ConcurrentChangeException("concern " + id + " was changed by someone else after you read it");
        }
        Procedure procedure = procedures.get(before.procedure());
        if (!ConcernLifecycle.mayChange(before, cafcassDecision)) {
            access.requireAnyRole(actor, before.childId(), procedure, "see this concern");
        }
        return keep(rule.apply(before, context(actor, procedure, before.childId())), null);
    }

    private CommandContext context(String actor, Procedure procedure, String childId) {
        return new CommandContext(actor, now(), procedure, access.people(childId), calendar);
    }

    /** Keeps what a transition did, as the store would: one atomic step, nothing half done. */
    private Concern keep(Transition t, Moment firing) {
        Concern after = t.after();
        String id = after.id().toString();
        if (t.changed()) {
            concerns.put(after.id(), after);
            List<AuditEntry> trail = trails.computeIfAbsent(after.id(), k -> new ArrayList<>());
            String previous = trail.isEmpty() ? null : trail.get(trail.size() - 1).hash();
            String before = t.before() == null ? null : t.before().toString();
            long seq = after.version() + 1;
            trail.add(new AuditEntry(id, seq, t.command(), t.actor(), t.at(), before, after.toString(), previous,
                    hash(id, seq, t.command(), t.actor(), t.at(), before, after.toString(), previous)));
            keepInStep(after, firing, t.at());
        }
        for (var n : t.notes()) {
            notesToDeliver.add(new CaseNote(UUID.randomUUID().toString(), after.childId(), n.type(), n.text(),
                    t.actor(), t.at()));
        }
        for (var n : t.notices()) {
            messagesToDeliver.add(new Notification(UUID.randomUUID().toString(), n.to(), after.childId(), id,
                    n.subject(), n.body()));
        }
        for (var e : t.episodes()) {
            episodesToDeliver.add(new uk.starred.api.host.Episode(UUID.randomUUID().toString(), after.childId(), id,
                    e.type(), e.closing(), e.text(), t.actor(), t.at()));
        }
        return after;
    }

    /** The concern's stored moments brought in line with those it has now, as {@code Deadlines.reconcile} does. */
    private void keepInStep(Concern c, Moment firing, Instant now) {
        String id = c.id().toString();
        Map<DueKey, Instant> wanted = new LinkedHashMap<>(DueMoments.of(c, calendar));
        for (Moment m : List.copyOf(moments.values())) {
            if (!m.concernId().equals(id)) {
                continue;
            }
            Instant want = wanted.remove(m.key());
            String key = key(id, m.key());
            if (m.state() == DeadlineState.PENDING && want == null) {
                moments.put(key, with(m, DeadlineState.CANCELLED, m.dueAt(), m.firedAt(), m.outcome(), true));
            } else if (m.state() == DeadlineState.PENDING) {
                moments.put(key, with(m, DeadlineState.PENDING, want, null, null, false));
            } else if (m.state() == DeadlineState.FIRED && want != null && want.isAfter(m.dueAt())) {
                // more time granted after the moment fired: due again, later, as the store does
                moments.put(key, with(m, DeadlineState.PENDING, want, null, null, false));
            } else if (m.state() == DeadlineState.FIRED && want == null) {
                moments.put(key, with(m, m.state(), m.dueAt(), m.firedAt(), m.outcome(), true));
            } else if (m.state() == DeadlineState.CANCELLED && want != null) {
                moments.put(key, with(m, DeadlineState.PENDING, want, null, null, false));
            }
        }
        wanted.forEach((k, at) -> moments.put(key(id, k), new Moment(id, c.childId(), k, at, DeadlineState.PENDING,
                null, null, false)));
    }

    private static Moment with(Moment m, DeadlineState state, Instant due, Instant firedAt, String outcome,
            boolean settled) {
        return new Moment(m.concernId(), m.childId(), m.key(), due, state, firedAt, outcome, settled);
    }

    private static String key(String concernId, DueKey key) {
        return concernId + "/" + key.kind() + "/" + key.item();
    }

    private static String hash(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the services

    private final ConcernService concernService = new LifecycleCommands() {

        @Override
        public Concern raise(RaiseConcern command) {
            String actor = access.caller();
            ConcernLifecycle.checkRaise(command, LocalDate.ofInstant(now(), calendar.zone()));
            ChildRecord child = host.child(command.childId())
                    .orElseThrow(() -> new UnknownChildException("the host has no child record '" + command.childId()
                            + "'"));
            Procedure procedure = Optional.ofNullable(command.procedure()).map(procedures::get)
                    .orElseThrow(() -> new UnknownProcedureException("no procedure " + command.procedure()
                            + " is installed"));
            return keep(ConcernLifecycle.raise(command, ConcernId.random(), child, context(actor, procedure,
                    child.id())), null);
        }

        @Override
        public Optional<Concern> find(ConcernId id) {
            String actor = access.caller();
            Concern c = concerns.get(id);
            if (c == null) {
                return Optional.empty();
            }
            access.requireAnyRole(actor, c.childId(), procedures.get(c.procedure()), "see this concern");
            return Optional.of(c);
        }

        @Override
        public Optional<String> familyUpdate(ConcernId id) {
            String actor = access.caller();
            return find(id).flatMap(c -> uk.starred.core.concern.FamilyUpdates.draft(c,
                    context(actor, procedures.get(c.procedure()), c.childId())));
        }

        @Override
        public Optional<uk.starred.api.concern.Projection> projection(ConcernId id) {
            return find(id).flatMap(c -> uk.starred.core.concern.Projections.of(c, procedures.get(c.procedure()),
                    calendar));
        }

        @Override
        public List<Concern> concernsForChild(String childId) {
            if (childId == null || childId.isBlank()) {
                Checks.single("List concerns for child", "childId", "is required");
            }
            String actor = access.caller();
            boolean oversight = access.hasOversight(actor);
            return concerns.values().stream().filter(c -> c.childId().equals(childId))
                    .filter(c -> oversight || !access.procedureRoles(actor, childId, procedures.get(c.procedure()))
                            .isEmpty())
                    .sorted(Comparator.comparing(Concern::raisedAt).reversed()).toList();
        }

        @Override
        protected Concern apply(String command, ConcernId id, long expectedVersion, boolean cafcassDecision,
                BiFunction<Concern, CommandContext, Transition> rule) {
            return command(id, expectedVersion, cafcassDecision, rule);
        }
    };

    private final DeadlineService deadlines = new DeadlineService() {

        @Override
        public int fireDue() {
            Instant now = now();
            int fired = 0;
            List<Moment> due = moments.values().stream()
                    .filter(m -> m.state() == DeadlineState.PENDING && !m.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Moment::dueAt)).toList();
            for (Moment m : due) {
                if (fire(moments.get(key(m.concernId(), m.key())), now) != null) {
                    fired++;
                }
            }
            return fired;
        }

        private String fire(Moment m, Instant now) {
            if (m == null || m.state() != DeadlineState.PENDING) {
                return null;
            }
            Concern c = concerns.get(ConcernId.parse(m.concernId()));
            Procedure p = procedures.get(c.procedure());
            Optional<Transition> t = ConcernLifecycle.fire(c, m.key(), new CommandContext(
                    ConcernLifecycle.DEADLINE_ACTOR, now, p, access.people(c.childId()), calendar));
            String outcome = t.map(Transition::outcome).orElse("nothing outstanding");
            Moment fired = with(m, DeadlineState.FIRED, m.dueAt(), now, outcome, t.isPresent() && t.get().changed());
            moments.put(key(m.concernId(), m.key()), fired);
            if (t.isEmpty()) {
                keepInStep(c, fired, now);
                return null;
            }
            keep(t.get(), fired);
            return outcome;
        }

        @Override
        public List<DueItem> dueWithin(Duration within, int limit) {
            Instant until = now().plus(within);
            return items(m -> m.state() == DeadlineState.PENDING && !m.dueAt().isAfter(until), limit);
        }

        @Override
        public List<DueItem> overdue(int limit) {
            return items(m -> m.state() == DeadlineState.FIRED && !m.settled()
                    && m.key().kind() != DeadlineKind.STAGE_DUE_SOON, limit);
        }

        @Override
        public List<DueItem> stuck(int limit) {
            // nothing fails to fire in memory: no moment is ever left waiting for a retry
            return List.of();
        }

        @Override
        public DueItem fireNow(String reference) {
            Moment m = moments.get(reference);
            if (m == null) {
                throw new NotFoundException("no due moment " + reference);
            }
            fire(m, now());
            return item(moments.get(reference));
        }

        private List<DueItem> items(java.util.function.Predicate<Moment> which, int limit) {
            return moments.values().stream().filter(which).sorted(Comparator.comparing(Moment::dueAt)).limit(limit)
                    .map(this::item).toList();
        }

        private DueItem item(Moment m) {
            return new DueItem(ConcernId.parse(m.concernId()), m.childId(), m.key().kind(), m.key().item(), m.dueAt(),
                    m.state(), 0, null, m.firedAt(), m.firedAt() == null ? null : "memory", m.outcome());
        }
    };

    private final OutboxService outbox = new OutboxService() {

        @Override
        public List<PendingMessage> pending(int limit) {
            return List.of();
        }

        @Override
        public List<PendingMessage> deadLetters(int limit) {
            return List.of();
        }

        @Override
        public uk.starred.api.outbox.OutboxBacklog backlog() {
            int n = notesToDeliver.size() + messagesToDeliver.size() + episodesToDeliver.size();
            return new uk.starred.api.outbox.OutboxBacklog(n, 0, null, java.time.Duration.ZERO);
        }

        @Override
        public int deliverDue() {
            int n = notesToDeliver.size() + messagesToDeliver.size();
            try {
                for (CaseNote note : notesToDeliver) {
                    host.write(note);
                }
                for (Notification message : messagesToDeliver) {
                    host.send(message);
                }
                for (uk.starred.api.host.Episode episode : episodesToDeliver) {
                    host.record(episode);
                }
            } catch (Exception e) {
                throw new IllegalStateException("the in-memory host refused a delivery", e);
            }
            notesToDeliver.clear();
            messagesToDeliver.clear();
            episodesToDeliver.clear();
            return n;
        }

        @Override
        public boolean retryNow(String messageId) {
            return false;
        }
    };

    private final AuditTrail audit = new AuditTrail() {

        @Override
        public List<AuditEntry> entriesFor(ConcernId concernId) {
            access.requireOversight(access.caller(), "read the audit trail");
            return List.copyOf(trails.getOrDefault(concernId, List.of()));
        }

        @Override
        public AuditVerification verify(ConcernId concernId) {
            access.requireOversight(access.caller(), "verify the audit trail");
            List<String> problems = new ArrayList<>();
            String previous = null;
            List<AuditEntry> trail = trails.getOrDefault(concernId, List.of());
            for (AuditEntry e : trail) {
                if (!e.hash().equals(hash(e.concernId(), e.sequence(), e.command(), e.actor(), e.at(), e.before(),
                        e.after(), e.previousHash())) || !java.util.Objects.equals(previous, e.previousHash())) {
                    problems.add("entry " + e.sequence() + " does not hold");
                }
                previous = e.hash();
            }
            return new AuditVerification(1, trail.size(), problems);
        }

        @Override
        public AuditVerification verifyAll() {
            List<String> problems = new ArrayList<>();
            long entries = 0;
            for (ConcernId id : trails.keySet()) {
                AuditVerification one = verify(id);
                problems.addAll(one.problems());
                entries += one.entriesChecked();
            }
            return new AuditVerification(trails.size(), entries, problems);
        }

        /** The child's concerns' trails; the rules-only system keeps no review history chain. */
        @Override
        public AuditVerification verifyChild(String childId) {
            List<String> problems = new ArrayList<>();
            long entries = 0;
            int checked = 0;
            for (Concern c : concerns.values()) {
                if (c.childId().equals(childId)) {
                    AuditVerification one = verify(c.id());
                    problems.addAll(one.problems());
                    entries += one.entriesChecked();
                    checked++;
                }
            }
            return new AuditVerification(checked, entries, problems);
        }
    };

    private final OversightService oversight = new OversightService() {

        @Override
        public List<Concern> openConcerns(int limit) {
            access.requireOversight(access.caller(), "list every open concern");
            return concerns.values().stream().filter(c -> c.status() == ConcernStatus.OPEN)
                    .sorted(Comparator.comparing(Concern::raisedAt)).limit(limit).toList();
        }

        @Override
        public Map<String, Long> openConcernCounts() {
            access.requireOversight(access.caller(), "count the open concerns");
            Map<String, Long> counts = new LinkedHashMap<>();
            openConcerns(Integer.MAX_VALUE).forEach(c -> counts.merge(c.procedure().id(), 1L, Long::sum));
            return counts;
        }

        @Override
        public List<OpenConcern> openConcerns(OversightQuery query) {
            throw new IllegalStateException("the oversight screen's lists are the engine's; its tests cover them");
        }

        @Override
        public List<OpenConcernSummary> openConcernSummaries(OversightQuery query) {
            throw new IllegalStateException("the oversight screen's lists are the engine's; its tests cover them");
        }

        @Override
        public OversightFigures figures(LocalDate from, LocalDate to) {
            throw new IllegalStateException("the oversight figures are counted by the engine; its tests cover them");
        }
    };
}
