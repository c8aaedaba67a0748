-- The date of the review a concern arose at, where a procedure counts a stage from it ("within 5
-- working days following the review date"); and, for a required action recorded after it happened,
-- when it happened and why it was recorded late. An action recorded as it happened keeps the moment
-- it was recorded.
ALTER TABLE concern ADD COLUMN review_date DATE;
ALTER TABLE stage_action ADD COLUMN occurred_at TIMESTAMP;
ALTER TABLE stage_action ADD COLUMN late_reason VARCHAR(4000);
