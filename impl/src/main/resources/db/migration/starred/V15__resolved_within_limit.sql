-- Resolved concerns counted against their own procedure's total limit (within it, beyond it, or under
-- a procedure that sets none), in place of one blanket 20 working days for every procedure. The counts
-- already kept are made again from the concerns at the next fold, so that concerns resolved before
-- this version are counted the new way too.
ALTER TABLE oversight_count DROP CONSTRAINT oversight_count_measure_ck;
ALTER TABLE oversight_count ADD CONSTRAINT oversight_count_measure_ck CHECK (measure IN ('RAISED', 'COHORT',
    'STAGE', 'REASON', 'ENDED', 'RESOLVED_IN', 'CAFCASS', 'RESOLVED_VS_LIMIT'));
INSERT INTO oversight_recount (requested_at, requested_by)
    SELECT CURRENT_TIMESTAMP, 'schema version 15' FROM oversight_fold WHERE EXISTS (SELECT 1 FROM concern);
