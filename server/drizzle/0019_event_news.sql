-- Wake on commit: a statement that adds to the outbox or the queue announces it on the kura_events channel.
-- NOTIFY is transactional: listeners hear it when (and only if) the transaction commits, once per
-- transaction and payload however many rows it wrote; the relay and the consumers wait for it instead of polling.
CREATE FUNCTION "platform"."announce_event_news"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kura_events', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_news" AFTER INSERT ON "platform"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."announce_event_news"('outbox');
--> statement-breakpoint
CREATE TRIGGER "queue_messages_news" AFTER INSERT ON "platform"."queue_messages"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."announce_event_news"('queue');
