CREATE SCHEMA "todos";
--> statement-breakpoint
CREATE TABLE "todos"."todos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone,
	"priority" smallint DEFAULT 4 NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "todos_title_length" CHECK (char_length("todos"."todos"."title") between 1 and 500),
	CONSTRAINT "todos_title_trimmed" CHECK ("todos"."todos"."title" = btrim("todos"."todos"."title")),
	CONSTRAINT "todos_notes_length" CHECK (char_length("todos"."todos"."notes") <= 10000),
	CONSTRAINT "todos_priority_range" CHECK ("todos"."todos"."priority" between 1 and 4),
	CONSTRAINT "todos_completed_at_iff_completed" CHECK ("todos"."todos"."completed" = ("todos"."todos"."completed_at" is not null)),
	CONSTRAINT "todos_version_positive" CHECK ("todos"."todos"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX "todos_user_created_idx" ON "todos"."todos" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "todos_user_due_idx" ON "todos"."todos" USING btree ("user_id","due_at","created_at","id");--> statement-breakpoint
CREATE INDEX "todos_user_priority_idx" ON "todos"."todos" USING btree ("user_id","priority","due_at","created_at","id");