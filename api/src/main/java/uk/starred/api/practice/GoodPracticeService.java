package uk.starred.api.practice;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.UnknownChildException;

/**
 * Good practice alerts: the IRO's or Child Protection Chair's recognition of a worker's or manager's
 * practice in a child's case, told to the person, kept, and reported by team and by person to those who
 * oversee the service. It asks nothing of anyone, so it raises no alert on the child's case.
 */
@ProviderType
public interface GoodPracticeService {

    /**
     * Records good practice by a member of staff in the child's case, and tells them.
     *
     * @param staffId  who is recognised: someone holding a role for the child in a procedure that serves them,
     *                 not the caller
     * @param practice what was done well
     * @throws InvalidCommandException listing every field that is missing or wrong
     * @throws UnknownChildException   when the host has no such child
     * @throws NotPermittedException   when the caller may raise no concern for the child (only those who may,
     *                                 the IRO and the Child Protection Chair, recognise good practice)
     */
    GoodPractice recognise(String childId, String staffId, String practice);

    /** @return the good practice recognised in the child's case, newest first, for those with a role for the child */
    List<GoodPractice> forChild(String childId);

    /**
     * @return the good practice recognised in the period, oldest first, for those who oversee the service
     * @param from the first day, London time
     * @param to   the day after the last
     * @throws NotPermittedException when the caller does not oversee the service
     */
    List<GoodPractice> recognised(LocalDate from, LocalDate to);
}
