CREATE TABLE "telemetry"."alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"threshold" double precision,
	"clear_threshold" double precision,
	"for_seconds" integer NOT NULL,
	"clear_for_seconds" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"phase" text DEFAULT 'ok' NOT NULL,
	"phase_since" timestamp (3) with time zone,
	"last_reading_at" timestamp (3) with time zone,
	"watching_since" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"open_alert_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_kind" CHECK ("telemetry"."alert_rules"."kind" in ('above', 'below', 'silence')),
	CONSTRAINT "alert_rules_phase" CHECK ("telemetry"."alert_rules"."phase" in ('ok', 'pending', 'raised', 'clearing')),
	CONSTRAINT "alert_rules_shape" CHECK (case when "telemetry"."alert_rules"."kind" = 'silence'
            then "telemetry"."alert_rules"."metric" is null and "telemetry"."alert_rules"."threshold" is null and "telemetry"."alert_rules"."clear_threshold" is null and "telemetry"."alert_rules"."for_seconds" > 0
            else "telemetry"."alert_rules"."metric" in ('temperature', 'humidity') and "telemetry"."alert_rules"."threshold" is not null and "telemetry"."alert_rules"."clear_threshold" is not null
              and (case when "telemetry"."alert_rules"."kind" = 'above' then "telemetry"."alert_rules"."clear_threshold" <= "telemetry"."alert_rules"."threshold" else "telemetry"."alert_rules"."clear_threshold" >= "telemetry"."alert_rules"."threshold" end)
          end),
	CONSTRAINT "alert_rules_durations" CHECK ("telemetry"."alert_rules"."for_seconds" >= 0 and "telemetry"."alert_rules"."clear_for_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "telemetry"."alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"threshold" double precision,
	"for_seconds" integer NOT NULL,
	"condition_since" timestamp (3) with time zone NOT NULL,
	"raised_at" timestamp (3) with time zone NOT NULL,
	"raised_value" double precision,
	"cleared_at" timestamp (3) with time zone,
	"cleared_value" double precision,
	"cleared_because" text
);
--> statement-breakpoint
ALTER TABLE "telemetry"."alert_rules" ADD CONSTRAINT "alert_rules_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "telemetry"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry"."alerts" ADD CONSTRAINT "alerts_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "telemetry"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_rules_device_idx" ON "telemetry"."alert_rules" USING btree ("device_id","created_at");--> statement-breakpoint
CREATE INDEX "alerts_device_idx" ON "telemetry"."alerts" USING btree ("device_id","raised_at","id");