package uk.starred.impl.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.InstantType;
import org.hibernate.type.LocalDateType;
import org.hibernate.type.StandardBasicTypes;

import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.CafcassReferral;
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.MoreTimeRequest;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.Response;
import uk.starred.api.concern.Satisfaction;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.store.Writes;

/**
 * A concern's rows read and written in as few round trips as the database allows: the concern with
 * its reasons, stages, required actions, agreed actions, communications and stored due moments in one
 * query; what a command changed as statements added to its writes. The same columns as the entities
 * map ({@link ConcernEntity}, {@link StageRecordEntity}), bound through Hibernate's types, so that
 * the entities read back exactly what is written here.
 */
final class ConcernRows {

    /** A concern as read for a command: the record, the head of its audit trail, its stored due moments. */
    record Loaded(Concern concern, String auditHead, Set<Cohort> cohorts, List<Deadlines.Stored> moments) {
    }

    private static final int STRINGS = 20;
    private static final int MOMENTS = 7;

    /** Each kind of row the concern has, in the same wide columns, told apart by {@code k}. */
    private static final List<String> BRANCHES = List.of(
            branch(0, "lock_version", List.of("child_id", "procedure_id", "procedure_version", "origin", "description",
                    "remedy_wanted", "responsible_person", "raised_by", "status", "end_reason", "child_cohorts",
                    "audit_head", "cafcass_informed", "cafcass_referred_by", "cafcass_mode", "cafcass_reason",
                    "cafcass_decision", "cafcass_decision_notes", "review_date", "ending"), List.of("raised_at", "ended_at", "formal_due_at",
                            "cafcass_considered_at", "cafcass_referred_at", "cafcass_decision_due_at",
                            "cafcass_decided_at"), "remedy_due_by", "concern", "id"),
            branch(1, "reason_order", List.of("reason_code"), List.of(), null, "concern_reason", "concern_id"),
            branch(2, "ordinal", List.of("stage_id", "name", "state", "entered_by", "participants", "response_kind",
                    "response_reasons", "response_by", "outcome", "note", "response_late_reason"), List.of("entered_at",
                            "due_at", "ended_at", "response_at", "response_recorded_at"), null, "stage_record",
                    "concern_id"),
            branch(3, "stage_ordinal", List.of("action_id", "done_by", "note", "late_reason"),
                    List.of("done_at", "occurred_at"), null, "stage_action", "concern_id"),
            branch(4, "action_number", List.of("description", "responsible", "completed_by", "note"),
                    List.of("completed_at"), "due_by", "agreed_action", "concern_id"),
            branch(5, "seq", List.of("recorded_by", "with_whom", "channel", "summary", "family_update", "late_reason"),
                    List.of("happened_at", "recorded_at"), null, "communication", "concern_id"),
            branch(6, "item", List.of("kind", "state"), List.of("due_at", "settled_at"), null, "deadline",
                    "concern_id"),
            branch(7, "stage_ordinal", List.of("role", "answered_by", "satisfied", "reasons", "seq"),
                    List.of("answered_at"), null, "stage_satisfaction", "concern_id"),
            branch(8, "request_number", List.of("requested_by", "explanation", "granted", "decided_by", "reasons",
                    "stage_ordinal"), List.of("requested_at", "decided_at"), "until_day", "more_time_request",
                    "concern_id"));

    private static final String ORDER = "\nORDER BY k, n, t1, s1";

    /**
     * Every row the concern has, in one query: one round trip to PostgreSQL. H2, in the same process,
     * takes each kind of row as a query of its own, which it keeps compiled; the one long query it
     * would compile afresh each time.
     */
    private static final String READ = String.join("\nUNION ALL ", BRANCHES) + ORDER;

    private ConcernRows() {
    }

    private static String branch(int kind, String number, List<String> strings, List<String> moments, String day,
            String table, String key) {
        StringBuilder sql = new StringBuilder("SELECT ").append(kind).append(" AS k, CAST(").append(number)
                .append(" AS BIGINT) AS n");
        for (int i = 0; i < STRINGS; i++) {
            sql.append(", ").append(i < strings.size() ? "CAST(" + strings.get(i) + " AS VARCHAR(4000))"
                    : "CAST(NULL AS VARCHAR(4000))").append(" AS s").append(i + 1);
        }
        for (int i = 0; i < MOMENTS; i++) {
            sql.append(", ").append(i < moments.size() ? moments.get(i) : "CAST(NULL AS TIMESTAMP)").append(" AS t")
                    .append(i + 1);
        }
        sql.append(", ").append(day != null ? day : "CAST(NULL AS DATE)").append(" AS d1 FROM ").append(table)
                .append(" WHERE ").append(key).append(" = ?1");
        return sql.toString();
    }

    /** @return the concern with everything it has, or {@code null} when there is none with the id */
    static Loaded read(EntityManager em, String id) {
        // what this transaction changed through the entities (a due moment marked fired) is read back too
        em.flush();
        List<Object[]> rows;
        if (Writes.takesSeveralStatements(em)) {
            rows = rows(em, READ, id);
        } else {
            rows = new ArrayList<>();
            for (String branch : BRANCHES) {
                rows.addAll(rows(em, branch + ORDER, id));
            }
        }
        if (rows.isEmpty() || (Integer) rows.get(0)[0] != 0) {
            return null;
        }
        Object[] c = rows.get(0);
        List<String> reasons = new ArrayList<>();
        List<StageRecord> stages = new ArrayList<>();
        Map<Integer, List<ActionRecord>> actions = new LinkedHashMap<>();
        // in the order given (answers of one moment, as a test's clock may give, are not in time order)
        Map<Integer, java.util.TreeMap<Integer, Satisfaction>> answers = new LinkedHashMap<>();
        List<AgreedAction> agreed = new ArrayList<>();
        List<Communication> communications = new ArrayList<>();
        List<MoreTimeRequest> moreTime = new ArrayList<>();
        List<Deadlines.Stored> moments = new ArrayList<>();
        for (Object[] r : rows.subList(1, rows.size())) {
            int n = ((Long) r[1]).intValue();
            switch ((Integer) r[0]) {
                case 1 -> reasons.add(s(r, 1));
                case 3 -> actions.computeIfAbsent(n, x -> new ArrayList<>()).add(new ActionRecord(s(r, 1), s(r, 2),
                        t(r, 1), s(r, 3), t(r, 2), s(r, 4)));
                case 4 -> agreed.add(new AgreedAction(n, s(r, 1), s(r, 2), d(r), t(r, 1), s(r, 3), s(r, 4)));
                case 5 -> communications.add(new Communication(t(r, 1), s(r, 1), s(r, 2), s(r, 3), s(r, 4),
                        Boolean.parseBoolean(s(r, 5)), t(r, 2), s(r, 6)));
                case 8 -> moreTime.add(new MoreTimeRequest(n, Integer.parseInt(s(r, 6)), s(r, 1), t(r, 1), s(r, 2),
                        d(r), s(r, 3) == null ? null : Boolean.valueOf(s(r, 3)), s(r, 4), t(r, 2), s(r, 5)));
                case 7 -> answers.computeIfAbsent(n, x -> new java.util.TreeMap<>()).put(Integer.valueOf(s(r, 5)),
                        new Satisfaction(s(r, 1), s(r, 2), Boolean.parseBoolean(s(r, 3)), s(r, 4), t(r, 1)));
                case 6 -> moments.add(new Deadlines.Stored(DeadlineKind.valueOf(s(r, 1)), n,
                        DeadlineState.valueOf(s(r, 2)), t(r, 1), t(r, 2)));
                default -> {
                    // stages, made once their actions are all read
                }
            }
        }
        for (Object[] r : rows) {
            if ((Integer) r[0] == 2) {
                int ordinal = ((Long) r[1]).intValue();
                Response response = s(r, 6) == null ? null
                        : new Response(ResponseKind.valueOf(s(r, 6)), s(r, 7), s(r, 8), t(r, 4), t(r, 5), s(r, 11));
                stages.add(new StageRecord(ordinal, s(r, 1), s(r, 2), StageState.valueOf(s(r, 3)), t(r, 1), s(r, 4),
                        s(r, 5) == null ? List.of() : List.of(s(r, 5).split(",")), t(r, 2), t(r, 3), response,
                        actions.getOrDefault(ordinal, List.of()), s(r, 9), s(r, 10),
                        List.copyOf(answers.getOrDefault(ordinal, new java.util.TreeMap<>()).values())));
            }
        }
        CafcassReferral cafcass = t(c, 4) == null && t(c, 5) == null ? null
                : new CafcassReferral(t(c, 4), s(c, 13) == null || s(c, 13).isEmpty() ? List.of()
                        : Arrays.asList(s(c, 13).split(",")), t(c, 5), s(c, 14),
                        s(c, 15) == null ? null : ReferralMode.valueOf(s(c, 15)), s(c, 16), t(c, 6),
                        s(c, 17) == null ? null : CafcassDecision.valueOf(s(c, 17)), t(c, 7), s(c, 18));
        Concern concern = new Concern(ConcernId.parse(id), s(c, 1), new ProcedureRef(s(c, 2), s(c, 3)),
                ConcernOrigin.valueOf(s(c, 4)), reasons, s(c, 5), s(c, 6), d(c), s(c, 7), s(c, 8), t(c, 1),
                ConcernStatus.valueOf(s(c, 9)), stages, agreed, communications, cafcass, t(c, 3), t(c, 2), s(c, 10),
                (Long) c[1], s(c, 19) == null ? null : LocalDate.parse(s(c, 19)), s(c, 20), moreTime);
        return new Loaded(concern, s(c, 12), OversightCounts.cohorts(s(c, 11)), moments);
    }

    private static List<Object[]> rows(EntityManager em, String sql, String id) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addScalar("k", StandardBasicTypes.INTEGER).addScalar("n", StandardBasicTypes.LONG);
        for (int i = 1; i <= STRINGS; i++) {
            query.addScalar("s" + i, StandardBasicTypes.STRING);
        }
        for (int i = 1; i <= MOMENTS; i++) {
            query.addScalar("t" + i, InstantType.INSTANCE);
        }
        query.addScalar("d1", LocalDateType.INSTANCE);
        query.setParameter(1, id);
        return query.getResultList();
    }

    /** The rows of a concern just raised, whole. */
    static void inserted(Writes writes, Concern c, Set<Cohort> cohorts, String auditHead) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id().toString());
        row.put("child_id", c.childId());
        row.put("procedure_id", c.procedure().id());
        row.put("procedure_version", c.procedure().version());
        row.put("origin", c.origin().name());
        row.put("description", c.description());
        row.put("remedy_wanted", c.remedyWanted());
        row.put("review_date", Writes.maybe(c.reviewDate(), LocalDate.class));
        row.put("responsible_person", c.responsiblePerson());
        row.put("raised_by", c.raisedBy());
        row.put("raised_at", c.raisedAt());
        row.put("child_cohorts", OversightCounts.words(cohorts));
        row.put("changes", 0L);
        row.put("lock_version", c.version());
        row.put("audit_head", auditHead);
        state(row, c);
        writes.insert("concern", row);
        for (int i = 0; i < c.reasonCodes().size(); i++) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("concern_id", c.id().toString());
            reason.put("reason_order", i);
            reason.put("reason_code", c.reasonCodes().get(i));
            writes.insert("concern_reason", reason);
        }
        children(writes, null, c);
    }

    /**
     * What a command changed, the concern's own row first: moved on one version only if it is still
     * at the version read, so that the first statement changes no row when someone else changed it.
     */
    static void updated(Writes writes, Concern before, Concern after, String auditHead) {
        Map<String, Object> set = new LinkedHashMap<>();
        state(set, after);
        StringBuilder sql = new StringBuilder("UPDATE concern SET ");
        set.keySet().forEach(column -> sql.append(column).append(" = ?, "));
        sql.append("audit_head = ?, changes = changes + 1, lock_version = lock_version + 1"
                + " WHERE id = ? AND lock_version = ?");
        List<Object> values = new ArrayList<>(set.values());
        values.add(auditHead);
        values.add(after.id().toString());
        values.add(before.version());
        writes.add(sql.toString(), values.toArray());
        children(writes, before, after);
    }

    /** The concern's columns a command may change. */
    private static void state(Map<String, Object> row, Concern c) {
        CafcassReferral r = c.cafcass();
        row.put("status", c.status().name());
        row.put("remedy_due_by", c.remedyDueBy());
        row.put("ended_at", Writes.maybe(c.endedAt(), Instant.class));
        row.put("end_reason", Writes.maybe(c.endReason(), String.class));
        row.put("ending", Writes.maybe(c.ending(), String.class));
        row.put("formal_due_at", Writes.maybe(c.formalDueAt(), Instant.class));
        row.put("cafcass_considered_at", Writes.maybe(r == null ? null : r.consideredAt(), Instant.class));
        row.put("cafcass_informed", Writes.maybe(r == null || r.informed().isEmpty() ? null
                : String.join(",", r.informed()), String.class));
        row.put("cafcass_referred_at", Writes.maybe(r == null ? null : r.referredAt(), Instant.class));
        row.put("cafcass_referred_by", Writes.maybe(r == null ? null : r.referredBy(), String.class));
        row.put("cafcass_mode", Writes.maybe(r == null || r.mode() == null ? null : r.mode().name(), String.class));
        row.put("cafcass_reason", Writes.maybe(r == null ? null : r.reason(), String.class));
        row.put("cafcass_decision_due_at", Writes.maybe(r == null ? null : r.decisionDueAt(), Instant.class));
        row.put("cafcass_decision", Writes.maybe(r == null || r.decision() == null ? null : r.decision().name(),
                String.class));
        row.put("cafcass_decided_at", Writes.maybe(r == null ? null : r.decidedAt(), Instant.class));
        row.put("cafcass_decision_notes", Writes.maybe(r == null ? null : r.decisionNotes(), String.class));
    }

    /** The stages, actions, agreed actions and communications that are new or changed. */
    private static void children(Writes writes, Concern before, Concern after) {
        String id = after.id().toString();
        for (StageRecord s : after.stages()) {
            StageRecord was = before == null || s.ordinal() > before.stages().size() ? null
                    : before.stages().get(s.ordinal() - 1);
            Response response = s.response();
            Object[] changing = {s.state().name(), Writes.maybe(s.dueAt(), Instant.class),
                Writes.maybe(s.endedAt(), Instant.class),
                Writes.maybe(response == null ? null : response.kind().name(), String.class),
                Writes.maybe(response == null ? null : response.reasons(), String.class),
                Writes.maybe(response == null ? null : response.by(), String.class),
                Writes.maybe(response == null ? null : response.at(), Instant.class),
                Writes.maybe(s.outcome(), String.class),
                Writes.maybe(response == null ? null : response.recordedAt(), Instant.class),
                Writes.maybe(response == null ? null : response.lateReason(), String.class)};
            if (was == null) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("concern_id", id);
                row.put("ordinal", s.ordinal());
                row.put("stage_id", s.stageId());
                row.put("name", s.name());
                row.put("entered_at", s.enteredAt());
                row.put("entered_by", s.enteredBy());
                row.put("participants", Writes.maybe(s.participants().isEmpty() ? null
                        : String.join(",", s.participants()), String.class));
                row.put("note", Writes.maybe(s.note(), String.class));
                String[] names = {"state", "due_at", "ended_at", "response_kind", "response_reasons", "response_by",
                    "response_at", "outcome", "response_recorded_at", "response_late_reason"};
                for (int i = 0; i < names.length; i++) {
                    row.put(names[i], changing[i]);
                }
                writes.insert("stage_record", row);
            } else if (!sameChanging(was, s)) {
                Object[] values = Arrays.copyOf(changing, changing.length + 2);
                values[changing.length] = id;
                values[changing.length + 1] = s.ordinal();
                writes.add("UPDATE stage_record SET state = ?, due_at = ?, ended_at = ?, response_kind = ?,"
                        + " response_reasons = ?, response_by = ?, response_at = ?, outcome = ?,"
                        + " response_recorded_at = ?, response_late_reason = ? WHERE concern_id = ? AND ordinal = ?",
                        values);
            }
            for (ActionRecord a : s.actions()) {
                if (was == null || was.actions().stream().noneMatch(x -> x.actionId().equals(a.actionId()))) {
                    writes.add("INSERT INTO stage_action (concern_id, stage_ordinal, action_id, done_by, done_at, note,"
                            + " occurred_at, late_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, s.ordinal(), a.actionId(),
                            a.doneBy(), a.doneAt(), Writes.maybe(a.note(), String.class), a.occurredAt(),
                            Writes.maybe(a.lateReason(), String.class));
                }
            }
            int answered = was == null ? 0 : was.satisfactions().size();
            for (int i = answered; i < s.satisfactions().size(); i++) {
                Satisfaction a = s.satisfactions().get(i);
                writes.add("INSERT INTO stage_satisfaction (concern_id, stage_ordinal, seq, role, answered_by, satisfied,"
                        + " reasons, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, s.ordinal(), i + 1, a.role(),
                        a.by(), Boolean.toString(a.satisfied()), Writes.maybe(a.reasons(), String.class), a.at());
            }
        }
        for (AgreedAction a : after.agreedActions()) {
            AgreedAction was = before == null || a.number() > before.agreedActions().size() ? null
                    : before.agreedActions().get(a.number() - 1);
            if (was == null) {
                writes.add("INSERT INTO agreed_action (concern_id, action_number, description, responsible, due_by,"
                        + " completed_at, completed_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, a.number(),
                        a.description(), a.responsible(), a.dueBy(), Writes.maybe(a.completedAt(), Instant.class),
                        Writes.maybe(a.completedBy(), String.class), Writes.maybe(a.note(), String.class));
            } else if (!was.equals(a)) {
                writes.add("UPDATE agreed_action SET completed_at = ?, completed_by = ?, note = ?"
                        + " WHERE concern_id = ? AND action_number = ?", Writes.maybe(a.completedAt(), Instant.class),
                        Writes.maybe(a.completedBy(), String.class), Writes.maybe(a.note(), String.class), id,
                        a.number());
            }
        }
        int known = before == null ? 0 : before.communications().size();
        for (int i = known; i < after.communications().size(); i++) {
            Communication c = after.communications().get(i);
            writes.add("INSERT INTO communication (concern_id, seq, happened_at, recorded_by, with_whom, channel,"
                    + " summary, family_update, recorded_at, late_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    i + 1, c.at(), c.by(), c.withWhom(), c.channel(), c.summary(), Boolean.toString(c.familyUpdate()),
                    c.recordedAt(), Writes.maybe(c.lateReason(), String.class));
        }
        for (MoreTimeRequest r : after.moreTime()) {
            MoreTimeRequest was = before == null || r.number() > before.moreTime().size() ? null
                    : before.moreTime().get(r.number() - 1);
            if (was == null) {
                writes.add("INSERT INTO more_time_request (concern_id, request_number, stage_ordinal, requested_by,"
                        + " requested_at, explanation, until_day, granted, decided_by, decided_at, reasons)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, r.number(), r.stageOrdinal(),
                        r.requestedBy(), r.requestedAt(), r.explanation(), r.until(), decision(r),
                        Writes.maybe(r.decidedBy(), String.class), Writes.maybe(r.decidedAt(), Instant.class),
                        Writes.maybe(r.reasons(), String.class));
            } else if (!was.equals(r)) {
                writes.add("UPDATE more_time_request SET granted = ?, decided_by = ?, decided_at = ?, reasons = ?"
                        + " WHERE concern_id = ? AND request_number = ?", decision(r),
                        Writes.maybe(r.decidedBy(), String.class), Writes.maybe(r.decidedAt(), Instant.class),
                        Writes.maybe(r.reasons(), String.class), id, r.number());
            }
        }
    }

    private static Object decision(MoreTimeRequest r) {
        return Writes.maybe(r.granted() == null ? null : r.granted().toString(), String.class);
    }

    private static boolean sameChanging(StageRecord a, StageRecord b) {
        return a.state() == b.state() && Objects.equals(a.dueAt(), b.dueAt())
                && Objects.equals(a.endedAt(), b.endedAt()) && Objects.equals(a.response(), b.response())
                && Objects.equals(a.outcome(), b.outcome());
    }

    private static String s(Object[] row, int n) {
        return (String) row[1 + n];
    }

    private static Instant t(Object[] row, int n) {
        return (Instant) row[1 + STRINGS + n];
    }

    private static LocalDate d(Object[] row) {
        return (LocalDate) row[2 + STRINGS + MOMENTS];
    }
}
