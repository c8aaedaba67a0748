package uk.starred.core.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.report.Figure;
import uk.starred.api.report.MonthlyTrends;
import uk.starred.api.report.ReportedConcern;
import uk.starred.api.report.TrendSeries;

/**
 * Twelve months of dispute resolution, month by month: each challenge raised in the month it was raised, resolved
 * in the month it was resolved, a stage overdue in the month its timescale passed without the stage ending first,
 * a referral to CAFCASS in the month it was made; the same by reason, by team and by IRO or chair.
 */
public final class TrendRules {

    /** The lines each team and each chair has. */
    private static final List<String> MEASURES = List.of("raised", "resolved", "overdue", "referred");

    private TrendRules() {
    }

    /**
     * @param concerns the concerns raised before the last month ended that were open at some moment of the twelve
     * @param now      the moment the trends are made: a timescale not yet passed is not overdue
     */
    public static MonthlyTrends trends(YearMonth last, Instant now, List<DisputeResolutionRules.Reported> concerns,
            ZoneId zone) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        Lines series = new Lines(months);
        series.line("raised", "Challenges raised");
        series.line("resolved", "Challenges resolved");
        series.line("overdue", "Stages that went past their timescale");
        series.line("referred", "Referrals to CAFCASS");
        Lines reasons = new Lines(months);
        Lines teams = new Lines(months);
        Lines chairs = new Lines(months);
        Instant ends = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<DisputeResolutionRules.Reported> ordered = concerns.stream()
                .sorted(Comparator.comparing((DisputeResolutionRules.Reported r) -> r.concern().raisedAt())
                        .thenComparing(r -> r.concern().id().toString())).toList();
        List<ReportedConcern> register = new ArrayList<>();
        for (DisputeResolutionRules.Reported r : ordered) {
            Concern c = r.concern();
            ConcernId id = c.id();
            String team = r.team() == null || r.team().isBlank() ? "Team not known" : r.team();
            String chair = r.chairName();
            boolean counted = false;
            YearMonth raised = YearMonth.from(c.raisedAt().atZone(zone));
            if (months.contains(raised)) {
                counted |= count(series, teams, chairs, "raised", raised, team, chair, c);
                for (String code : new LinkedHashSet<>(c.reasonCodes())) {
                    reasons.count("reason/" + code, r.procedure().reason(code).map(x -> x.label()).orElse(code),
                            raised, id);
                }
            }
            if (c.status() == ConcernStatus.RESOLVED && c.endedAt() != null && c.endedAt().isBefore(ends)) {
                counted |= count(series, teams, chairs, "resolved", YearMonth.from(c.endedAt().atZone(zone)), team,
                        chair, c);
            }
            for (StageRecord s : c.stages()) {
                if (s.state() == StageState.BYPASSED || s.dueAt() == null || s.dueAt().isAfter(now)
                        || s.endedAt() != null && !s.endedAt().isAfter(s.dueAt())) {
                    continue;
                }
                // a due moment is the start of the day after the due day: counted in the due day's month
                YearMonth dueDay = YearMonth.from(s.dueAt().minusNanos(1).atZone(zone));
                counted |= count(series, teams, chairs, "overdue", dueDay, team, chair, c);
            }
            if (c.cafcass() != null && c.cafcass().referredAt() != null) {
                counted |= count(series, teams, chairs, "referred",
                        YearMonth.from(c.cafcass().referredAt().atZone(zone)), team, chair, c);
            }
            if (counted) {
                register.add(DisputeResolutionRules.listed(r, now, zone, months.contains(raised)));
            }
        }
        return new MonthlyTrends(months, series.all(), reasons.byTotal(), teams.all(), chairs.all(), register);
    }

    /** @return whether the month is one of the twelve (and so counted) */
    private static boolean count(Lines series, Lines teams, Lines chairs, String measure, YearMonth month,
            String team, String chair, Concern c) {
        if (!series.months.contains(month)) {
            return false;
        }
        series.count(measure, null, month, c.id());
        for (String m : MEASURES) {
            teams.line("team/" + team + "/" + m, team + ": " + words(m));
            chairs.line("iro/" + c.raisedBy() + "/" + m, chair + ": " + words(m));
        }
        teams.count("team/" + team + "/" + measure, null, month, c.id());
        chairs.count("iro/" + c.raisedBy() + "/" + measure, null, month, c.id());
        return true;
    }

    private static String words(String measure) {
        return switch (measure) {
            case "raised" -> "raised";
            case "resolved" -> "resolved";
            case "overdue" -> "stages overdue";
            default -> "referred to CAFCASS";
        };
    }

    /** Lines as they are counted: each month's concerns. */
    private static final class Lines {
        final List<YearMonth> months;
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, List<List<ConcernId>>> behind = new LinkedHashMap<>();

        Lines(List<YearMonth> months) {
            this.months = months;
        }

        void line(String key, String label) {
            if (!labels.containsKey(key)) {
                labels.put(key, label);
                List<List<ConcernId>> each = new ArrayList<>();
                months.forEach(m -> each.add(new ArrayList<>()));
                behind.put(key, each);
            }
        }

        void count(String key, String label, YearMonth month, ConcernId id) {
            if (label != null) {
                line(key, label);
            }
            int i = months.indexOf(month);
            if (i >= 0) {
                behind.get(key).get(i).add(id);
            }
        }

        List<TrendSeries> all() {
            List<TrendSeries> out = new ArrayList<>();
            labels.forEach((key, label) -> out.add(new TrendSeries(key, label, behind.get(key).stream()
                    .map(ids -> new Figure(ids.size(), List.copyOf(new LinkedHashSet<>(ids)))).toList())));
            return out;
        }

        List<TrendSeries> byTotal() {
            List<TrendSeries> out = new ArrayList<>(all());
            out.sort(Comparator.comparingLong(TrendSeries::total).reversed().thenComparing(TrendSeries::label));
            return out;
        }
    }
}
