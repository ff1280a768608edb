CREATE SCHEMA "telemetry";
--> statement-breakpoint
CREATE TABLE "telemetry"."device_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "device_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "telemetry"."devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"location" text NOT NULL,
	"kind" text NOT NULL,
	"reporting_interval_seconds" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_kind" CHECK ("telemetry"."devices"."kind" in ('fridge', 'cellar', 'warehouse', 'freezer', 'shop_floor', 'other')),
	CONSTRAINT "devices_interval_range" CHECK ("telemetry"."devices"."reporting_interval_seconds" between 10 and 86400),
	CONSTRAINT "devices_names_present" CHECK (btrim("telemetry"."devices"."name_ja") <> '' and btrim("telemetry"."devices"."name_en") <> '')
);
--> statement-breakpoint
CREATE TABLE "telemetry"."readings" (
	"device_id" uuid NOT NULL,
	"ts" timestamp (3) with time zone NOT NULL,
	"temperature" double precision NOT NULL,
	"humidity" double precision NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "readings_pkey" PRIMARY KEY("device_id","ts")
);
--> statement-breakpoint
ALTER TABLE "telemetry"."device_keys" ADD CONSTRAINT "device_keys_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "telemetry"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_keys_device_idx" ON "telemetry"."device_keys" USING btree ("device_id","created_at");--> statement-breakpoint
CREATE INDEX "devices_created_idx" ON "telemetry"."devices" USING btree ("created_at","id");