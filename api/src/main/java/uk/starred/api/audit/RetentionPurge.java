package uk.starred.api.audit;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The council's retention of dispute records, applied: concerns ended longer ago than the configured period
 * are deleted with everything written with them (stages, responses, actions, communications, due moments,
 * delivered messages, their audit trail), each leaving a purge record (the concern's id, procedure, when it
 * ended, how many audit entries it had and the hash its trail ended on, never the child) so that what remains
 * still verifies and the deletion itself is on record; the review timetable of a child who ceased to be looked
 * after that long ago likewise; access log entries older than their period too.
 * Since 1.2.
 */
@ProviderType
public interface RetentionPurge {

    /**
     * What a purge did, or would do.
     *
     * @param concerns      concerns deleted (or that would be)
     * @param timetables    review timetables of children who ceased to be looked after longer ago than the
     *                      period for ended concerns, deleted (or that would be)
     * @param accessEntries access log entries deleted (or that would be)
     * @param endedBefore   concerns ended before this were due, or {@code null} when kept for ever
     * @param viewedBefore  sights before this were due, or {@code null} when kept for ever
     */
    record Outcome(int concerns, int timetables, int accessEntries, Instant endedBefore, Instant viewedBefore) {
    }

    /**
     * Deletes what the retention settings say is past keeping; a concern whose messages are not all delivered
     * waits for the next purge. For those with oversight of the service.
     *
     * @param dryRun only count what would go
     */
    Outcome purge(boolean dryRun);
}
