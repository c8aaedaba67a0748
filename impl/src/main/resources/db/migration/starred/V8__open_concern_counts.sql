-- How many concerns are open, by procedure (the oversight screen's total and the front page): the
-- open ones' entries of this index answer it without reading the concerns' rows, however many ended
-- concerns the years have kept.
CREATE INDEX concern_status_procedure_ix ON concern (status, procedure_id);
