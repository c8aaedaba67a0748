package uk.starred.impl.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;

import uk.starred.api.review.ReviewTimetable;
import uk.starred.impl.json.Json;

/**
 * Checks children's review timetable histories, hash-chained as the concerns' audit trails are: numbered
 * from 1 without gaps, each entry's hash right and linked to the entry before, and the last recording the
 * timetable as it is stored now. Entries written before the chain began (schema version 20) carry no hash
 * and are counted, not checked.
 */
public final class ReviewHistories {

    /** What checking one child's history found. */
    public record Checked(int entries, List<String> problems) {
    }

    private ReviewHistories() {
    }

    /** @return the ids of the children with a review timetable, a page at a time */
    public static List<String> children(EntityManager em, int first, int max) {
        return em.createQuery("select c.childId from LookedAfterChildEntity c order by c.childId", String.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public static Checked verify(EntityManager em, String childId) {
        List<String> problems = new ArrayList<>();
        List<HistoryEntity> rows = em.createQuery("select h from HistoryEntity h where h.childId = :child"
                + " order by h.seq", HistoryEntity.class).setParameter("child", childId).getResultList();
        LookedAfterChildEntity stored = em.find(LookedAfterChildEntity.class, childId);
        int expected = 1;
        HistoryEntity previous = null;
        for (HistoryEntity row : rows) {
            String where = "child " + childId + " review history entry " + row.seq();
            if (row.seq() != expected) {
                problems.add(where + ": expected entry " + expected + " here; an entry is missing");
                expected = row.seq();
            }
            if (row.hash() == null) {
                if (previous != null && previous.hash() != null) {
                    problems.add(where + ": has no hash though the entry before it has; it was edited");
                }
            } else {
                if (!row.computeHash().equals(row.hash())) {
                    problems.add(where + ": its content does not match its hash; it was edited");
                }
                String before = previous == null ? null : previous.hash();
                if (!Objects.equals(before, row.previousHash())) {
                    problems.add(where + ": it does not link to the entry before it");
                }
            }
            previous = row;
            expected++;
        }
        if (stored == null) {
            if (!rows.isEmpty()) {
                problems.add("child " + childId + ": has a review history but no review timetable; it was deleted"
                        + " outside Starred");
            }
        } else if (previous != null && previous.hash() != null && !sameTimetable(previous.timetableAfter(),
                stored.toTimetable())) {
            problems.add("child " + childId + ": the review timetable as stored differs from the last entry of its"
                    + " history; it was changed outside Starred");
        }
        return new Checked(rows.size(), problems);
    }

    /** Whether the entry's text is the timetable: the same text, or, written before a field was added, the same once read. */
    private static boolean sameTimetable(String entry, ReviewTimetable current) {
        return entry.equals(Json.write(current)) || Json.read(entry, ReviewTimetable.class).equals(current);
    }
}
