package uk.starred.api.audit;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who has seen which child's dispute records: every read of a child's concerns, review timetable, good
 * practice or audit trail through Starred's services is kept, with who and when, for as long as the council's
 * retention keeps it. For those the host marks as overseeing the service. Since 1.2.
 */
@ProviderType
public interface AccessLog {

    /** Most entries one call returns. */
    int MOST = 10_000;

    /** @return who saw the child's records, newest first, at most {@code limit} (1 to {@value #MOST}) */
    List<RecordAccess> forChild(String childId, int limit);

    /**
     * @return every sight of any child's records from {@code from} (inclusive) to {@code to} (exclusive), oldest
     *         first, at most {@code limit} (1 to {@value #MOST})
     */
    List<RecordAccess> between(Instant from, Instant to, int limit);
}
