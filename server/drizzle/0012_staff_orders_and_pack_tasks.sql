CREATE TABLE "ordering"."order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ordering"."orders" ADD COLUMN "number" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "ordering"."orders_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1);--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "ordering"."order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "ordering"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_at_idx" ON "ordering"."order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_idx" ON "ordering"."orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "ordering"."orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "orders_state_created_idx" ON "ordering"."orders" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "todos_user_source_idx" ON "todos"."todos" USING btree ("user_id","source_key");--> statement-breakpoint
CREATE INDEX "todos_source_idx" ON "todos"."todos" USING btree ("source_key");--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD CONSTRAINT "todos_link_is_app_path" CHECK ("todos"."todos"."link" ~ '^/[^/]');--> statement-breakpoint
-- Orders placed before history was kept: their history starts with the state they are in now.
INSERT INTO "ordering"."order_events" ("order_id", "from_state", "to_state", "reason", "at")
SELECT "id", NULL, "state", 'history starts here', "updated_at" FROM "ordering"."orders";
