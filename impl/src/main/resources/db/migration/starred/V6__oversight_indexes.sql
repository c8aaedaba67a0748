-- The oversight figures count concerns by when they were raised, ended and referred to CAFCASS, over a
-- period; these indexes let the database read only the period's concerns, however many years are kept.
CREATE INDEX concern_raised_ix ON concern (raised_at);
CREATE INDEX concern_ended_ix ON concern (ended_at);
CREATE INDEX concern_cafcass_referred_ix ON concern (cafcass_referred_at);
