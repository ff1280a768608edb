-- The audit log is append-only: history cannot be rewritten, even by Kura itself.
CREATE FUNCTION identity.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity.audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON identity.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION identity.audit_log_is_append_only();
