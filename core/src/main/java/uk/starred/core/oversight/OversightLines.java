package uk.starred.core.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;

/**
 * What a concern counts for in the oversight figures, which follows from the concern as it stands:
 * on the day it was raised, how it arose, the child's legal status then, the furthest stage it has
 * reached and its reasons; on the day it ended, how, and for a resolved one the working days it took;
 * on the day it was referred to CAFCASS, the referral. A change to a concern moves the figures by the
 * difference between what it counts for after and before.
 */
public final class OversightLines {

    /** Separates the parts of an item naming a procedure's stage or reason. */
    public static final String SEPARATOR = " | ";

    /** A concern resolved within its procedure's total limit. */
    public static final String WITHIN = "WITHIN";
    /** A concern resolved after its procedure's total limit had passed. */
    public static final String BEYOND = "BEYOND";
    /** A concern resolved before its formal process began, or under a procedure that sets no limit. */
    public static final String INFORMAL = "INFORMAL";

    private final WorkingCalendar calendar;

    public OversightLines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** @return the lines a concern counts on, each once */
    public List<CountLine> of(Counted c) {
        List<CountLine> lines = new ArrayList<>();
        LocalDate raised = day(c.raisedAt());
        lines.add(new CountLine(raised, Measure.RAISED, c.origin().name()));
        c.cohorts().forEach(cohort -> lines.add(new CountLine(raised, Measure.COHORT, cohort.name())));
        if (c.furthestStage() != null) {
            lines.add(new CountLine(raised, Measure.STAGE, item(c.procedure(), c.furthestStage())));
        }
        new TreeSet<>(c.reasons()).forEach(code -> lines.add(new CountLine(raised, Measure.REASON,
                item(c.procedure(), code))));
        if (c.endedAt() != null) {
            LocalDate ended = day(c.endedAt());
            lines.add(new CountLine(ended, Measure.ENDED, c.status().name()));
            if (c.status() == ConcernStatus.RESOLVED) {
                lines.add(new CountLine(ended, Measure.RESOLVED_IN,
                        Integer.toString(calendar.workingDaysBetween(raised, ended))));
                lines.add(new CountLine(ended, Measure.RESOLVED_VS_LIMIT, item(c.procedure(),
                        c.formalDueAt() == null ? INFORMAL : c.endedAt().isAfter(c.formalDueAt()) ? BEYOND : WITHIN)));
            }
        }
        if (c.cafcassReferredAt() != null) {
            lines.add(new CountLine(day(c.cafcassReferredAt()), Measure.CAFCASS, ""));
        }
        return lines;
    }

    /**
     * @param before  the concern before a change, or {@code null} when the change raised it
     * @param after   the concern as the change leaves it
     * @param cohorts the child's legal status when the concern was raised
     * @return how far each line moves, none of them by nothing
     */
    public Map<CountLine, Long> changes(Concern before, Concern after, Set<Cohort> cohorts) {
        Map<CountLine, Long> changed = new HashMap<>();
        of(Counted.of(after, cohorts)).forEach(line -> changed.merge(line, 1L, Long::sum));
        if (before != null) {
            of(Counted.of(before, cohorts)).forEach(line -> changed.merge(line, -1L, Long::sum));
        }
        changed.values().removeIf(amount -> amount == 0);
        return changed;
    }

    /** @return an item naming a procedure's stage or reason */
    public static String item(ProcedureRef procedure, String code) {
        return procedure.id() + SEPARATOR + procedure.version() + SEPARATOR + code;
    }

    /** @return the procedure and the stage or reason an item names */
    public static Map.Entry<ProcedureRef, String> parts(String item) {
        String[] parts = item.split(Pattern.quote(SEPARATOR), 3);
        return Map.entry(new ProcedureRef(parts[0], parts[1]), parts[2]);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }
}
