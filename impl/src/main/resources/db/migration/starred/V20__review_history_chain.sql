-- A child's review timetable history hash-chained like the concerns' audit trail: each entry keeps the
-- timetable as it left it and a hash of itself and the entry before, so an entry edited, removed or moved,
-- or a timetable changed outside Starred, is found by the verification. Entries written before this version
-- have no hash: the chain begins with the first entry after it.
ALTER TABLE looked_after_history ADD COLUMN timetable_after VARCHAR;
ALTER TABLE looked_after_history ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE looked_after_history ADD COLUMN hash VARCHAR(64);
