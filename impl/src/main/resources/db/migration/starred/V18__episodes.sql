-- Episodes the host opens and closes on the child's record, where a stage names one, delivered from the
-- outbox like case notes.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_ck;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_ck CHECK (kind IN ('CASE_NOTE', 'NOTIFICATION', 'EVENT', 'EPISODE'));
