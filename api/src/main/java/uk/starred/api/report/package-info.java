/**
 * The IRO annual report's dispute-resolution section (IRO Handbook 7.11: the IRO manager's annual report to the
 * corporate parenting board), for one year: the challenges IROs and Child Protection Chairs raised, how they
 * arose, the furthest stage each reached, their themes, the time taken against each stage's timescale and the
 * procedure's total limit, their outcomes, the referrals to CAFCASS and CAFCASS's decisions, by team and by IRO;
 * looked-after children and children on child protection plans apart, the year before beside each figure. Every
 * figure carries the concerns it counts, so that each can be traced to them in oversight.
 *
 * <p>The figures are worked out from the concerns themselves, as they stood at the end of the year: a report on
 * a year that has ended reads the same whenever it is made.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.api.report;
