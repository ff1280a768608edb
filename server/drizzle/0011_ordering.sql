CREATE SCHEMA "ordering";
--> statement-breakpoint
CREATE TABLE "ordering"."cart_lines" (
	"user_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" smallint NOT NULL,
	"seen_unit_price" integer NOT NULL,
	"seen_name_ja" text NOT NULL,
	"seen_name_en" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_lines_user_id_product_id_pk" PRIMARY KEY("user_id","product_id"),
	CONSTRAINT "cart_lines_quantity_range" CHECK ("ordering"."cart_lines"."quantity" between 1 and 99),
	CONSTRAINT "cart_lines_seen_price_positive" CHECK ("ordering"."cart_lines"."seen_unit_price" > 0)
);
--> statement-breakpoint
CREATE TABLE "ordering"."idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"response_status" smallint,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key"),
	CONSTRAINT "idempotency_keys_response_complete" CHECK (("ordering"."idempotency_keys"."response_status" is null) = ("ordering"."idempotency_keys"."response_body" is null))
);
--> statement-breakpoint
CREATE TABLE "ordering"."order_lines" (
	"order_id" uuid NOT NULL,
	"line_no" smallint NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_price" integer NOT NULL,
	"tax_rate" smallint NOT NULL,
	"quantity" smallint NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "order_lines_order_id_line_no_pk" PRIMARY KEY("order_id","line_no"),
	CONSTRAINT "order_lines_quantity_range" CHECK ("ordering"."order_lines"."quantity" between 1 and 99),
	CONSTRAINT "order_lines_amount" CHECK ("ordering"."order_lines"."amount" = "ordering"."order_lines"."unit_price" * "ordering"."order_lines"."quantity")
);
--> statement-breakpoint
CREATE TABLE "ordering"."orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"total" integer NOT NULL,
	"taxes" jsonb NOT NULL,
	"shipping_address" jsonb NOT NULL,
	"delivery_date" date NOT NULL,
	"delivery_slot" text NOT NULL,
	"payment_method" text NOT NULL,
	"state_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_state_known" CHECK ("ordering"."orders"."state" in ('pending', 'confirmed', 'rejected', 'shipped', 'delivered', 'cancelled')),
	CONSTRAINT "orders_total_positive" CHECK ("ordering"."orders"."total" > 0)
);
--> statement-breakpoint
ALTER TABLE "ordering"."order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "ordering"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "ordering"."idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_user_created_idx" ON "ordering"."orders" USING btree ("user_id","created_at","id");