-- The rest of a looked-after child's timetable (seed 002): the IRO appointed within five working days of
-- becoming looked after, a case summary of the plan every six months, the day set for the next review (an
-- early review or a rearrangement within the statutory timescale), and the review that considered ceasing
-- to look after the child (or why none did). Timetables kept before this version have none of these due:
-- they were started before Starred tracked them.
ALTER TABLE looked_after_child ADD COLUMN iro_appointment_due_by DATE;
ALTER TABLE looked_after_child ADD COLUMN iro_appointed_on DATE;
ALTER TABLE looked_after_child ADD COLUMN ceasing_review INTEGER;
ALTER TABLE looked_after_child ADD COLUMN ceased_without_review VARCHAR(4000);
ALTER TABLE looked_after_review ADD COLUMN scheduled_for DATE;
ALTER TABLE looked_after_review ADD COLUMN schedule_reason VARCHAR(4000);
CREATE TABLE looked_after_case_summary (
    child_id       VARCHAR(100) NOT NULL,
    summary_number INTEGER      NOT NULL,
    due_by         DATE         NOT NULL,
    completed_on   DATE,
    completed_by   VARCHAR(100),
    CONSTRAINT looked_after_case_summary_pk PRIMARY KEY (child_id, summary_number),
    CONSTRAINT looked_after_case_summary_child_fk FOREIGN KEY (child_id) REFERENCES looked_after_child (child_id)
);
ALTER TABLE deadline DROP CONSTRAINT deadline_kind_ck;
ALTER TABLE deadline ADD CONSTRAINT deadline_kind_ck CHECK (kind IN ('STAGE_DUE_SOON', 'STAGE_DUE',
    'AGREED_ACTION_DUE', 'FORMAL_LIMIT', 'CAFCASS_DECISION_DUE', 'REVIEW_DUE', 'DECISION_RECORD_DUE',
    'DECISIONS_WINDOW_ENDS', 'REVIEW_RECORD_DUE', 'RECORD_DISTRIBUTION_DUE', 'IRO_APPOINTMENT_DUE',
    'CASE_SUMMARY_DUE'));
