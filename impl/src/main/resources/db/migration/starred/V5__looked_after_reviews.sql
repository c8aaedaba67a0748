-- The looked-after review timetable: when each child became looked after, and each review with the
-- records that follow it. Dates are the last day allowed (due) or the day it happened.

CREATE TABLE looked_after_child (
    child_id           VARCHAR(100) NOT NULL,
    looked_after_since DATE         NOT NULL,
    ceased_on          DATE,
    recorded_by        VARCHAR(100) NOT NULL,
    recorded_at        TIMESTAMP    NOT NULL,
    lock_version       BIGINT       NOT NULL,
    CONSTRAINT looked_after_child_pk PRIMARY KEY (child_id)
);

CREATE TABLE looked_after_review (
    child_id                      VARCHAR(100)  NOT NULL,
    review_number                 INTEGER       NOT NULL,
    due_by                        DATE          NOT NULL,
    held_on                       DATE,
    held_recorded_by              VARCHAR(100),
    decision_record_due_by        DATE,
    decision_record_circulated_on DATE,
    disagreement_window_ends      DATE,
    decisions                     VARCHAR(20)   NOT NULL,
    disputed_by                   VARCHAR(100),
    dispute_reasons               VARCHAR(4000),
    record_due_by                 DATE,
    record_completed_on           DATE,
    distribution_due_by           DATE,
    distributed_on                DATE,
    CONSTRAINT looked_after_review_pk PRIMARY KEY (child_id, review_number),
    CONSTRAINT looked_after_review_child_fk FOREIGN KEY (child_id) REFERENCES looked_after_child (child_id),
    CONSTRAINT looked_after_review_decisions_ck CHECK (decisions IN ('AWAITED', 'AGREED_BY_SILENCE', 'DISPUTED'))
);

-- Review due moments join the deadline table: its subject is a concern or, for the review kinds, a child.
ALTER TABLE deadline DROP CONSTRAINT deadline_concern_fk;
ALTER TABLE deadline ALTER COLUMN concern_id SET DATA TYPE VARCHAR(100);
ALTER TABLE deadline DROP CONSTRAINT deadline_kind_ck;
ALTER TABLE deadline ADD CONSTRAINT deadline_kind_ck CHECK (kind IN ('STAGE_DUE_SOON', 'STAGE_DUE',
    'AGREED_ACTION_DUE', 'FORMAL_LIMIT', 'CAFCASS_DECISION_DUE', 'REVIEW_DUE', 'DECISION_RECORD_DUE',
    'DECISIONS_WINDOW_ENDS', 'REVIEW_RECORD_DUE', 'RECORD_DISTRIBUTION_DUE'));
-- and their notifications go through the outbox, with no concern
ALTER TABLE outbox ALTER COLUMN concern_id SET DATA TYPE VARCHAR(100);
ALTER TABLE outbox ALTER COLUMN concern_id DROP NOT NULL;

-- What happened to each child's timetable, in order: every command, every due moment that changed
-- it, every date moved by a calendar change. Append-only.
CREATE TABLE looked_after_history (
    child_id    VARCHAR(100)  NOT NULL,
    seq         INTEGER       NOT NULL,
    happened_at TIMESTAMP     NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    what        VARCHAR(100)  NOT NULL,
    detail      VARCHAR(4000) NOT NULL,
    CONSTRAINT looked_after_history_pk PRIMARY KEY (child_id, seq),
    CONSTRAINT looked_after_history_child_fk FOREIGN KEY (child_id) REFERENCES looked_after_child (child_id)
);
