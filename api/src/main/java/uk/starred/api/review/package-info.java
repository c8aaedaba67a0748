/**
 * The looked-after review timetable (seed 002, sections 2 and 11; the Care Planning Regulations): the
 * first review within 20 working days of the child becoming looked after, the second within three
 * months of the first, then at most six months apart; after each review the decision record within
 * 5 working days, the managers' 5 working days to disagree with the decisions (silence meaning they
 * are agreed), the full record within 15 working days and its distribution within 20; the IRO appointed
 * within 5 working days of the child becoming looked after; a case summary of the plan every six months
 * from its start; the day the IRO sets for the next review, never beyond its statutory date; and the
 * review that considered ceasing to look after the child (since 1.1). Each due date is watched by the
 * deadline runner; a review not held by its date is a "review late" alert. A manager's disagreement with
 * a review's decisions opens a concern where the child's procedure says so (since 1.1).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package uk.starred.api.review;
