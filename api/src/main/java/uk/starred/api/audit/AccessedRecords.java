package uk.starred.api.audit;

/** Which of a child's dispute records someone saw. Since 1.2. */
public enum AccessedRecords {
    /** the child's concerns, as the tab, the alert area's source or the API lists them */
    CONCERNS,
    /** one concern, its projection or its family update */
    CONCERN,
    /** the looked-after child's review timetable or its history */
    REVIEW_TIMETABLE,
    /** good practice recognised in the child's case */
    GOOD_PRACTICE,
    /** a concern's audit trail */
    AUDIT_TRAIL,
    /** the child's open concern in the oversight list */
    OVERSIGHT_LIST,
    /** everything held about the child, exported for a subject access request */
    SUBJECT_ACCESS_EXPORT
}
