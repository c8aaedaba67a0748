package uk.starred.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.CafcassReferral;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.Figure;
import uk.starred.api.report.ReportColumn;
import uk.starred.api.report.ReportRow;
import uk.starred.api.report.ReportTable;
import uk.starred.api.report.ReportYear;
import uk.starred.api.report.ReportedConcern;
import uk.starred.core.oversight.OversightFigureRules;

/**
 * What the IRO annual report's dispute-resolution section says of a year's concerns (IRO Handbook 7.11), and of
 * the year before beside it: every figure from the concerns themselves as they stood at the end of their year,
 * with the concerns it counts. A concern counts in the year it was raised in; a child both looked after and on a
 * child protection plan counts under each, and once among all children.
 */
public final class DisputeResolutionRules {

    /**
     * A concern as the report reads it.
     *
     * @param procedure the definition it ran under
     * @param cohorts   the child's legal status when it was raised (the host's record where none was kept)
     * @param childName the child's name as the host gives it
     * @param team      the child's team, or {@code null} when the host names none
     * @param chairName the name of the IRO or Child Protection Chair who raised it
     */
    public record Reported(Concern concern, Procedure procedure, Set<Cohort> cohorts, String childName, String team,
            String chairName) {
    }

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("LOOKED_AFTER/this", "Looked after: this year", Cohort.LOOKED_AFTER, true),
            new ReportColumn("LOOKED_AFTER/before", "Looked after: year before", Cohort.LOOKED_AFTER, false),
            new ReportColumn("CHILD_PROTECTION/this", "Child protection: this year", Cohort.CHILD_PROTECTION, true),
            new ReportColumn("CHILD_PROTECTION/before", "Child protection: year before", Cohort.CHILD_PROTECTION,
                    false),
            new ReportColumn("ALL/this", "All children: this year", null, true),
            new ReportColumn("ALL/before", "All children: year before", null, false));

    private DisputeResolutionRules() {
    }

    /**
     * @param concerns the concerns raised in the year and in the year before
     * @param calendar the working calendar, for working days and the council's day
     */
    public static DisputeResolutionReport report(ReportYear year, Instant madeAt, List<Reported> concerns,
            WorkingCalendar calendar) {
        ZoneId zone = calendar.zone();
        Instant starts = year.from().atStartOfDay(zone).toInstant();
        List<Reported> ordered = concerns.stream()
                .sorted(Comparator.comparing((Reported r) -> r.concern().raisedAt())
                        .thenComparing(r -> r.concern().id().toString())).toList();

        Tally raised = new Tally("raised", "Challenges raised", "Informal and formal challenges raised in the"
                + " year, and how they arose. Formal: a stage of the procedure's formal process was reached by the"
                + " year's end.", true);
        raised.row("all", "All challenges raised");
        raised.row("informal", "Stayed informal");
        raised.row("formal", "Reached the formal process");
        for (ConcernOrigin origin : ConcernOrigin.values()) {
            raised.row("origin/" + origin.name(), "Arose from: " + origin.words());
        }
        Tally reached = new Tally("stage-reached", "Furthest stage reached", "The furthest stage each challenge"
                + " raised in the year had reached by the year's end, in each procedure's order.", true);
        Tally themes = new Tally("themes", "Themes", "The reasons given for the challenges raised in the year;"
                + " one challenge may give several.", true);
        Tally timeliness = new Tally("time-to-resolve", "Time to resolve", "Stages against their own timescales,"
                + " and challenges resolved against their procedure's total limit for the formal process (counted"
                + " from its first formal stage; resolved before that counts as within).", false);
        timeliness.row("stages/in-time", "Stages ended within their timescale");
        timeliness.row("stages/late", "Stages ended after their timescale");
        timeliness.row("stages/open-late", "Stages still open past their timescale at the year's end");
        timeliness.row("resolved/within-limit", "Resolved within the procedure's total limit");
        timeliness.row("resolved/beyond-limit", "Resolved after the procedure's total limit");
        timeliness.row("resolved/no-limit", "Resolved under a procedure that sets no total limit");
        Tally stages = new Tally("stage-timescales", "Each stage against its timescale", "For each stage with a"
                + " timescale: how many ended within it, and how many ended after it or were still open past it at"
                + " the year's end.", false);
        Tally outcomes = new Tally("outcomes", "Outcomes", "Where the challenges raised in the year stood at the"
                + " year's end.", true);
        outcomes.row(ConcernStatus.RESOLVED.name(), "Resolved");
        outcomes.row(ConcernStatus.WITHDRAWN.name(), "Withdrawn");
        outcomes.row(ConcernStatus.CLOSED.name(), "Closed: the child left care or the plan");
        outcomes.row(ConcernStatus.ENDED.name(), "Ended as its stage provides");
        outcomes.row(ConcernStatus.REFERRED_TO_CAFCASS.name(), "Ended by referral to CAFCASS");
        outcomes.row(ConcernStatus.OPEN.name(), "Still open at the year's end");
        Tally cafcass = new Tally("cafcass", "CAFCASS", "Referrals to CAFCASS considered and made for the challenges"
                + " raised in the year, and CAFCASS's decisions by the year's end. Only a looked-after child may be"
                + " referred (Children Act 1989 s25B(3)).", true);
        cafcass.row("considered", "Referral considered");
        cafcass.row("referred", "Referred to CAFCASS");
        cafcass.row("decision/PROCEEDINGS", "CAFCASS will take proceedings");
        cafcass.row("decision/NO_PROCEEDINGS", "CAFCASS will not take proceedings");
        cafcass.row("awaited", "CAFCASS's decision awaited at the year's end");
        Tally teams = new Tally("teams", "By team", "Challenges raised in the year, by the child's team.", true);
        Tally chairs = new Tally("iros", "By IRO or Child Protection Chair", "Challenges raised in the year, by who"
                + " raised them.", true);

        Map<String, List<Integer>> resolvedDays = new LinkedHashMap<>();
        Map<String, List<ConcernId>> resolvedBehind = new LinkedHashMap<>();
        List<ReportedConcern> register = new ArrayList<>();
        for (Reported r : ordered) {
            Concern c = r.concern();
            boolean thisYear = !c.raisedAt().isBefore(starts);
            // the end of its year, or now for the year under way: nothing is counted as happened before it has
            Instant yearEnd = (thisYear ? year : year.previous()).to().atStartOfDay(zone).toInstant();
            Instant asAt = yearEnd.isAfter(madeAt) ? madeAt : yearEnd;
            Procedure p = r.procedure();
            ConcernId id = c.id();
            Counted counted = new Counted(r, thisYear);

            List<StageRecord> entered = c.stages().stream().filter(s -> s.enteredAt().isBefore(asAt)).toList();
            StageRecord furthest = furthest(c, p, asAt);
            boolean formal = entered.stream().anyMatch(s -> s.state() != StageState.BYPASSED
                    && p.stage(s.stageId()).map(Stage::formal).orElse(false));
            boolean ended = c.endedAt() != null && c.endedAt().isBefore(asAt);
            ConcernStatus status = ended ? c.status() : ConcernStatus.OPEN;

            raised.count("all", counted, id);
            raised.count(formal ? "formal" : "informal", counted, id);
            raised.count("origin/" + c.origin().name(), counted, id);
            if (furthest != null) {
                String stageName = p.stage(furthest.stageId()).map(Stage::name).orElse(furthest.name());
                reached.count(p.id() + "/" + furthest.stageId(), p.title() + ": " + stageName,
                        p.title() + String.format("/%04d", p.indexOf(furthest.stageId())), counted, id);
            }
            for (String code : new LinkedHashSet<>(c.reasonCodes())) {
                themes.count("reason/" + code, p.reason(code).map(x -> x.label()).orElse(code), null, counted, id);
            }
            for (StageRecord s : entered) {
                if (s.dueAt() == null || s.state() == StageState.BYPASSED) {
                    continue;
                }
                boolean stageEnded = s.endedAt() != null && s.endedAt().isBefore(asAt);
                String row = stageEnded ? (s.endedAt().isAfter(s.dueAt()) ? "late" : "in-time")
                        : !s.dueAt().isAfter(asAt) ? "open-late" : null;
                if (row == null) {
                    continue;
                }
                timeliness.count("stages/" + row, counted, id);
                String stageName = p.stage(s.stageId()).map(Stage::name).orElse(s.name());
                String key = p.id() + "/" + s.stageId() + (row.equals("in-time") ? "/in-time" : "/late");
                String sort = p.title() + String.format("/%04d", p.indexOf(s.stageId())) + (row.equals("in-time")
                        ? "/a" : "/b");
                stages.count(key, p.title() + ": " + stageName + (row.equals("in-time") ? ": within its timescale"
                        : ": after it, or open past it"), sort, counted, id);
            }
            if (status == ConcernStatus.RESOLVED) {
                String limit = p.totalLimit() == null ? "no-limit"
                        : c.formalDueAt() == null || !c.endedAt().isAfter(c.formalDueAt()) ? "within-limit"
                        : "beyond-limit";
                timeliness.count("resolved/" + limit, counted, id);
                int days = calendar.workingDaysBetween(LocalDate.ofInstant(c.raisedAt(), zone),
                        LocalDate.ofInstant(c.endedAt(), zone));
                for (ReportColumn column : COLUMNS) {
                    if (counted.in(column)) {
                        resolvedDays.computeIfAbsent(column.key(), k -> new ArrayList<>()).add(days);
                        resolvedBehind.computeIfAbsent(column.key(), k -> new ArrayList<>()).add(id);
                    }
                }
            }
            outcomes.count(status.name(), counted, id);
            CafcassReferral referral = c.cafcass();
            if (referral != null && referral.consideredAt() != null && referral.consideredAt().isBefore(asAt)) {
                cafcass.count("considered", counted, id);
                if (referral.referredAt() != null && referral.referredAt().isBefore(asAt)) {
                    cafcass.count("referred", counted, id);
                    if (referral.decision() != null && referral.decidedAt() != null
                            && referral.decidedAt().isBefore(asAt)) {
                        cafcass.count("decision/" + referral.decision().name(), counted, id);
                    } else {
                        cafcass.count("awaited", counted, id);
                    }
                }
            }
            String team = r.team() == null || r.team().isBlank() ? null : r.team();
            teams.count("team/" + (team == null ? "" : team), team == null ? "Team not known" : team, null, counted,
                    id);
            chairs.count("iro/" + c.raisedBy(), r.chairName(), null, counted, id);

            register.add(listed(r, asAt, zone, thisYear));
        }

        List<Figure> medians = new ArrayList<>();
        for (ReportColumn column : COLUMNS) {
            TreeMap<Integer, Long> took = new TreeMap<>();
            resolvedDays.getOrDefault(column.key(), List.of()).forEach(d -> took.merge(d, 1L, Long::sum));
            medians.add(new Figure(OversightFigureRules.median(took), resolvedBehind.getOrDefault(column.key(),
                    List.of())));
        }
        List<ReportRow> timeRows = new ArrayList<>(timeliness.rows(false));
        timeRows.add(new ReportRow("resolved/median-working-days", "Median working days from raising to resolving",
                medians));

        List<ReportTable> tables = List.of(raised.table(false), reached.table(true), themes.byCount(),
                new ReportTable(timeliness.key, timeliness.title, timeliness.note, false, timeRows),
                stages.table(true), outcomes.table(false), cafcass.table(false), teams.table(true),
                chairs.table(true));
        return new DisputeResolutionReport(year, madeAt, COLUMNS, tables, register);
    }

    /**
     * @return the concern as a list behind a figure shows it, as it stood at the moment given
     */
    static ReportedConcern listed(Reported r, Instant asAt, ZoneId zone, boolean counted) {
        Concern c = r.concern();
        Procedure p = r.procedure();
        boolean ended = c.endedAt() != null && c.endedAt().isBefore(asAt);
        StageRecord furthest = furthest(c, p, asAt);
        String team = r.team() == null || r.team().isBlank() ? "" : r.team();
        return new ReportedConcern(c.id(), c.childId(), r.childName(), team, r.cohorts(), p.title(), c.raisedBy(),
                r.chairName(), LocalDate.ofInstant(c.raisedAt(), zone), ended ? c.status() : ConcernStatus.OPEN,
                ended ? LocalDate.ofInstant(c.endedAt(), zone) : null,
                furthest == null ? "" : p.stage(furthest.stageId()).map(Stage::name).orElse(furthest.name()),
                counted);
    }

    /** @return the furthest stage the concern had entered by the moment, in its procedure's order (bypassed aside) */
    static StageRecord furthest(Concern c, Procedure p, Instant asAt) {
        StageRecord furthest = null;
        for (StageRecord s : c.stages()) {
            if (s.state() == StageState.BYPASSED || !s.enteredAt().isBefore(asAt)) {
                continue;
            }
            if (furthest == null || p.indexOf(s.stageId()) > p.indexOf(furthest.stageId())) {
                furthest = s;
            }
        }
        return furthest;
    }

    /** The columns a concern counts in: its year, each of its legal statuses, and all children. */
    private record Counted(Reported reported, boolean thisYear) {

        boolean in(ReportColumn column) {
            return column.thisYear() == thisYear
                    && (column.cohort() == null || reported.cohorts().contains(column.cohort()));
        }
    }

    /** One table as it is counted: its rows, each with the concerns behind it in each column. */
    private static final class Tally {
        final String key;
        final String title;
        final String note;
        final boolean charted;
        final Map<String, Row> rows = new LinkedHashMap<>();

        Tally(String key, String title, String note, boolean charted) {
            this.key = key;
            this.title = title;
            this.note = note;
            this.charted = charted;
        }

        private record Row(String label, String sort, List<List<ConcernId>> behind) {
        }

        void row(String rowKey, String label) {
            rows.computeIfAbsent(rowKey, k -> newRow(label, null));
        }

        void count(String rowKey, Counted counted, ConcernId id) {
            count(rowKey, null, null, counted, id);
        }

        void count(String rowKey, String label, String sort, Counted counted, ConcernId id) {
            Row row = rows.computeIfAbsent(rowKey, k -> newRow(label, sort));
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (counted.in(COLUMNS.get(i))) {
                    row.behind().get(i).add(id);
                }
            }
        }

        private static Row newRow(String label, String sort) {
            List<List<ConcernId>> behind = new ArrayList<>();
            COLUMNS.forEach(c -> behind.add(new ArrayList<>()));
            return new Row(label, sort == null ? label : sort, behind);
        }

        List<ReportRow> rows(boolean sorted) {
            List<Map.Entry<String, Row>> entries = new ArrayList<>(rows.entrySet());
            if (sorted) {
                entries.sort(Comparator.comparing(e -> e.getValue().sort()));
            }
            return entries.stream().map(e -> new ReportRow(e.getKey(), e.getValue().label(),
                    e.getValue().behind().stream().map(ids -> new Figure(ids.size(),
                            List.copyOf(new LinkedHashSet<>(ids)))).toList())).toList();
        }

        ReportTable table(boolean sorted) {
            return new ReportTable(key, title, note, charted, rows(sorted));
        }

        /** The rows most counted this year first (all children), then by label. */
        ReportTable byCount() {
            int all = COLUMNS.indexOf(COLUMNS.stream().filter(c -> c.cohort() == null && c.thisYear()).findFirst()
                    .orElseThrow());
            List<ReportRow> sorted = new ArrayList<>(rows(false));
            sorted.sort(Comparator.comparingDouble((ReportRow r) -> -r.figures().get(all).value())
                    .thenComparing(ReportRow::label));
            return new ReportTable(key, title, note, charted, sorted);
        }
    }
}
