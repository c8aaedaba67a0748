package uk.starred.core.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.Count;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.procedure.Stage;

/**
 * A period's oversight figures from its counts: the numbers raised and how, ended and how, the
 * furthest stage reached in each procedure's order, the reasons with their procedure's labels, and
 * how many working days the resolved ones took.
 */
public final class OversightFigureRules {

    /**
     * The blanket target the figures once measured every procedure by: resolved within 20 working days of
     * raising. Kept for earlier readers of {@link OversightFigures#resolvedWithinTarget()}; the screens
     * measure each concern by its own procedure's total limit.
     */
    public static final int TARGET_WORKING_DAYS = 20;

    private OversightFigureRules() {
    }

    /**
     * @param from        the period's first day
     * @param to          the day after its last
     * @param counts      the period's counts summed, by measure and item
     * @param openAtEnd   how many concerns were open at its end
     * @param definitions the stored definition of each procedure the counts name
     */
    public static OversightFigures figures(LocalDate from, LocalDate to, Map<Measure, Map<String, Long>> counts,
            long openAtEnd, Function<ProcedureRef, Procedure> definitions) {
        Map<String, Long> raisedBy = of(counts, Measure.RAISED);
        Map<String, Long> cohorts = of(counts, Measure.COHORT);
        Map<String, Long> ended = of(counts, Measure.ENDED);
        List<Count> byOrigin = new ArrayList<>();
        for (ConcernOrigin origin : ConcernOrigin.values()) {
            Long n = raisedBy.get(origin.name());
            if (n != null) {
                byOrigin.add(new Count(origin.name(), origin.words(), n));
            }
        }
        // the furthest stage each reached, in the order of its procedure's stages
        record Reached(String procedureId, int index, String stageId, String name, long count) {
        }
        Map<String, Reached> stages = new HashMap<>();
        of(counts, Measure.STAGE).forEach((item, n) -> {
            Map.Entry<ProcedureRef, String> parts = OversightLines.parts(item);
            Procedure procedure = definitions.apply(parts.getKey());
            String stageId = parts.getValue();
            Reached r = new Reached(parts.getKey().id(), procedure.indexOf(stageId), stageId,
                    procedure.stage(stageId).map(Stage::name).orElse(stageId), n);
            stages.merge(r.procedureId() + "/" + stageId, r, (a, b) -> new Reached(a.procedureId(),
                    Math.min(a.index(), b.index()), a.stageId(), a.name(), a.count() + b.count()));
        });
        List<Count> stageReached = stages.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Reached> e) -> e.getValue().procedureId())
                        .thenComparingInt(e -> e.getValue().index()).thenComparing(e -> e.getValue().stageId()))
                .map(e -> new Count(e.getKey(), e.getValue().name(), e.getValue().count())).toList();
        // reasons, with the label their procedure gives them
        Map<String, Count> reasons = new TreeMap<>();
        of(counts, Measure.REASON).forEach((item, n) -> {
            Map.Entry<ProcedureRef, String> parts = OversightLines.parts(item);
            String code = parts.getValue();
            String label = definitions.apply(parts.getKey()).reason(code).map(r -> r.label()).orElse(code);
            reasons.merge(code, new Count(code, label, n),
                    (a, b) -> new Count(a.key(), a.label(), a.count() + b.count()));
        });
        List<Count> byReason = reasons.values().stream()
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)).toList();
        // resolved: how many working days each took
        TreeMap<Integer, Long> took = new TreeMap<>();
        of(counts, Measure.RESOLVED_IN).forEach((days, n) -> took.merge(Integer.parseInt(days), n, Long::sum));
        long resolved = ended.getOrDefault(ConcernStatus.RESOLVED.name(), 0L);
        long within = took.headMap(TARGET_WORKING_DAYS, true).values().stream().mapToLong(Long::longValue).sum();
        // against each procedure's own total limit; a procedure that sets none is counted apart
        long withinLimit = 0;
        long beyondLimit = 0;
        long noLimit = 0;
        for (Map.Entry<String, Long> e : of(counts, Measure.RESOLVED_VS_LIMIT).entrySet()) {
            Map.Entry<ProcedureRef, String> parts = OversightLines.parts(e.getKey());
            if (definitions.apply(parts.getKey()).totalLimit() == null) {
                noLimit += e.getValue();
            } else if (parts.getValue().equals(OversightLines.BEYOND)) {
                beyondLimit += e.getValue();
            } else {
                withinLimit += e.getValue();
            }
        }
        return new OversightFigures(from, to, total(counts, Measure.RAISED),
                raisedBy.getOrDefault(ConcernOrigin.STARRED_DECISION.name(), 0L), resolved,
                ended.getOrDefault(ConcernStatus.WITHDRAWN.name(), 0L),
                ended.getOrDefault(ConcernStatus.CLOSED.name(), 0L), within, resolved - within,
                TARGET_WORKING_DAYS, median(took), total(counts, Measure.CAFCASS),
                cohorts.getOrDefault(Cohort.LOOKED_AFTER.name(), 0L),
                cohorts.getOrDefault(Cohort.CHILD_PROTECTION.name(), 0L), stageReached, byReason, byOrigin,
                openAtEnd, ended.getOrDefault(ConcernStatus.ENDED.name(), 0L), withinLimit, beyondLimit, noLimit);
    }

    /** @return the median of the counted values, or -1 when none */
    public static double median(TreeMap<Integer, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return -1;
        }
        // the values at positions (n - 1) / 2 and n / 2, counting from 0
        Integer lower = null;
        Integer upper = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            long next = seen + e.getValue();
            if (lower == null && (n - 1) / 2 < next) {
                lower = e.getKey();
            }
            if (n / 2 < next) {
                upper = e.getKey();
                break;
            }
            seen = next;
        }
        return (lower + upper) / 2.0;
    }

    private static Map<String, Long> of(Map<Measure, Map<String, Long>> counts, Measure measure) {
        return counts.getOrDefault(measure, Map.of());
    }

    private static long total(Map<Measure, Map<String, Long>> counts, Measure measure) {
        return of(counts, measure).values().stream().mapToLong(Long::longValue).sum();
    }
}
