-- The SHA-256 of each ERP message as received, kept with its id: a reused messageId with another content is answered
-- REJETE (MESSAGE_ID_REUTILISE) instead of being taken for the message first sent with it.
ALTER TABLE message_erp ADD COLUMN empreinte CHAR(64);
