-- The oversight figures kept as counts by day, so that a year's figures are a few thousand rows
-- summed, not a hundred thousand concerns read. Each command writes what it changed in the figures
-- with the change itself (a row per day, measure and item, +1 or -1, naming the concern and the
-- version it wrote); now and then the rows are folded into totals (concern_id NULL). Readers sum both.

CREATE TABLE oversight_count (
    id              BIGINT        NOT NULL,
    counted_on      DATE          NOT NULL,
    measure         VARCHAR(20)   NOT NULL,
    item            VARCHAR(300)  NOT NULL,
    amount          BIGINT        NOT NULL,
    concern_id      VARCHAR(36),
    concern_version BIGINT,
    CONSTRAINT oversight_count_pk PRIMARY KEY (id),
    CONSTRAINT oversight_count_measure_ck CHECK (measure IN ('RAISED', 'COHORT', 'STAGE', 'REASON', 'ENDED',
        'RESOLVED_IN', 'CAFCASS')),
    CONSTRAINT oversight_count_change_ck CHECK ((concern_id IS NULL AND concern_version IS NULL)
        OR (concern_id IS NOT NULL AND concern_version IS NOT NULL))
);
-- a period's figures: its days' rows; and the concerns raised and ended before a day, for those open then
CREATE INDEX oversight_count_day_ix ON oversight_count (counted_on);
CREATE INDEX oversight_count_measure_ix ON oversight_count (measure, counted_on);
-- folding and counting again: the rows each change wrote
CREATE INDEX oversight_count_concern_ix ON oversight_count (concern_id);
CREATE SEQUENCE oversight_count_seq START WITH 1 INCREMENT BY 50;

-- One row, locked by whoever folds or counts again, so that on several nodes one does it at a time.
CREATE TABLE oversight_fold (
    id        INTEGER   NOT NULL,
    folded_at TIMESTAMP,
    CONSTRAINT oversight_fold_pk PRIMARY KEY (id)
);
INSERT INTO oversight_fold (id) VALUES (1);

-- Asks for the counts to be made again from the concerns themselves: after this migration on a
-- database that already holds concerns, or after concerns were loaded other than through Starred.
CREATE TABLE oversight_recount (
    requested_at TIMESTAMP     NOT NULL,
    requested_by VARCHAR(200)  NOT NULL
);
INSERT INTO oversight_recount (requested_at, requested_by)
    SELECT CURRENT_TIMESTAMP, 'schema version 7' FROM oversight_fold WHERE EXISTS (SELECT 1 FROM concern);

-- Whether the child was looked after, on a child protection plan or both when the concern was raised:
-- the figures count the concern that way for good, whatever the child's status later.
ALTER TABLE concern ADD COLUMN child_cohorts VARCHAR(60);
