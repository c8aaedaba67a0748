-- Whether a message waiting for its retry holds back its concern's later messages of its kind. Each does,
-- but for a notification that reached every channel whose order is kept (the host's inbox, and any an
-- operator names) and failed only on another (e-mail, GOV.UK Notify): a mailbox that fails for a weekend
-- then delays nobody's inbox, and that notification is tried again on its own.
ALTER TABLE outbox ADD COLUMN holds_back BOOLEAN DEFAULT TRUE NOT NULL;
