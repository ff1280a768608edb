CREATE TABLE "inventory"."reservations" (
	"order_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"state" text DEFAULT 'reserved' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservations_order_id_sku_pk" PRIMARY KEY("order_id","sku"),
	CONSTRAINT "reservations_quantity_positive" CHECK ("inventory"."reservations"."quantity" > 0),
	CONSTRAINT "reservations_state_known" CHECK ("inventory"."reservations"."state" in ('reserved', 'released', 'committed'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_id" uuid,
	"delta_on_hand" integer NOT NULL,
	"delta_reserved" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"order_id" uuid,
	"idempotency_key" text,
	CONSTRAINT "stock_movements_reason_known" CHECK (reason in ('received', 'returned', 'damaged', 'lost', 'count_correction', 'opening_stock', 'order_reserved', 'order_released', 'order_shipped', 'reservation_expired')),
	CONSTRAINT "stock_movements_changes_something" CHECK ("inventory"."stock_movements"."delta_on_hand" <> 0 or "inventory"."stock_movements"."delta_reserved" <> 0),
	CONSTRAINT "stock_movements_note_length" CHECK (char_length("inventory"."stock_movements"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_sku_stock_items_sku_fk" FOREIGN KEY ("sku") REFERENCES "inventory"."stock_items"("sku") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."stock_movements" ADD CONSTRAINT "stock_movements_sku_stock_items_sku_fk" FOREIGN KEY ("sku") REFERENCES "inventory"."stock_items"("sku") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservations_open_expiry_idx" ON "inventory"."reservations" USING btree ("expires_at") WHERE "inventory"."reservations"."state" = 'reserved';--> statement-breakpoint
CREATE INDEX "stock_movements_sku_at_idx" ON "inventory"."stock_movements" USING btree ("sku","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "stock_movements_order_idx" ON "inventory"."stock_movements" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_movements_idempotency_key_idx" ON "inventory"."stock_movements" USING btree ("actor_id","idempotency_key") WHERE "inventory"."stock_movements"."idempotency_key" is not null;