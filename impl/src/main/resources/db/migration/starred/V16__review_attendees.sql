-- Who attended each looked-after review (the professionals, by staff id), told when a manager disputes
-- its decisions, and the concern such a dispute opened under the child's procedure, where it says so.
ALTER TABLE looked_after_review ADD COLUMN attendees VARCHAR(4000);
ALTER TABLE looked_after_review ADD COLUMN concern_opened VARCHAR(36);
