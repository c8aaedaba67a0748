-- Where a notification did reach before a delivery of it failed: the channels (the host's inbox, e-mail,
-- GOV.UK Notify) and, for a channel that sends each recipient their own copy, the recipients, one to a
-- line. Its next attempt sends only to the rest, so nobody is told twice because someone else's address
-- failed.
ALTER TABLE outbox ADD COLUMN reached VARCHAR;
