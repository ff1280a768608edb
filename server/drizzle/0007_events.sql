CREATE TABLE "platform"."outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"traceparent" text,
	"tracestate" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "outbox_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "platform"."queue_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"body" jsonb NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visible_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receive_count" integer DEFAULT 0 NOT NULL,
	"dead_at" timestamp with time zone,
	"dead_reason" text,
	CONSTRAINT "queue_messages_receive_count_non_negative" CHECK ("platform"."queue_messages"."receive_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "platform"."outbox" USING btree ("seq") WHERE "platform"."outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_pending_key_idx" ON "platform"."outbox" USING btree ("key","seq") WHERE "platform"."outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_published_idx" ON "platform"."outbox" USING btree ("published_at") WHERE "platform"."outbox"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "queue_messages_ready_idx" ON "platform"."queue_messages" USING btree ("queue","visible_at","enqueued_at") WHERE "platform"."queue_messages"."dead_at" is null;--> statement-breakpoint
CREATE INDEX "queue_messages_dead_idx" ON "platform"."queue_messages" USING btree ("queue","dead_at") WHERE "platform"."queue_messages"."dead_at" is not null;