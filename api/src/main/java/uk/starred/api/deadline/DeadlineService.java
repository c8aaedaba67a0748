package uk.starred.api.deadline;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The deadline runner as operators see it. Every open concern's due moments are stored with it and
 * kept in step by each command; a runner on each node claims the moments that have fallen due and
 * fires each exactly once. A claimed moment whose node dies before firing it comes back when the
 * claim's lease runs out; one whose firing fails is tried again with growing waits and shows here
 * as stuck until it succeeds.
 *
 * <p>Like the outbox, it shows no child's data: ids, kinds, moments, attempts and errors only.
 */
@ProviderType
public interface DeadlineService {

    /** @return pending moments falling due from now to {@code within} ahead, soonest first, at most {@code limit} */
    List<DueItem> dueWithin(Duration within, int limit);

    /**
     * @return the moments that fired and whose matter is still outstanding (the stage not moved on,
     *         the action not done, CAFCASS's decision not recorded), oldest first, at most {@code limit}
     */
    List<DueItem> overdue(int limit);

    /** @return pending moments past due that failed at least once, oldest first, at most {@code limit} */
    List<DueItem> stuck(int limit);

    /** Runs one round: claims what has fallen due and fires it. @return how many fired */
    int fireDue();

    /**
     * Fires one pending moment now, whatever its retry wait, as an operator's re-run of a stuck item.
     *
     * @param reference the item's {@link DueItem#reference()}
     * @return the item afterwards
     * @throws uk.starred.api.NotFoundException when there is no such item
     * @throws uk.starred.api.InvalidCommandException when it has already fired or been cancelled
     */
    DueItem fireNow(String reference);
}
