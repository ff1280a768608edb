CREATE TABLE "platform"."scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"leased_by" text,
	"lease_until" timestamp with time zone NOT NULL,
	"last_started_at" timestamp with time zone NOT NULL,
	"last_finished_at" timestamp with time zone,
	"last_error" text
);
