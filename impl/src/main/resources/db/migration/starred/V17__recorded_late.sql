-- A response or a communication recorded after it happened: when it was recorded, and why only then.
-- What was recorded before this version was recorded as it happened.
ALTER TABLE stage_record ADD COLUMN response_recorded_at TIMESTAMP;
ALTER TABLE stage_record ADD COLUMN response_late_reason VARCHAR(4000);
ALTER TABLE communication ADD COLUMN recorded_at TIMESTAMP;
ALTER TABLE communication ADD COLUMN late_reason VARCHAR(4000);
