ALTER TABLE "inventory"."reservations" ALTER COLUMN "expires_at" DROP NOT NULL;--> statement-breakpoint
-- Holds of orders already confirmed (or further) stop being deadlines, as confirmation now does.
UPDATE "inventory"."reservations" AS r SET "expires_at" = NULL
  FROM "ordering"."orders" AS o
  WHERE o."id" = r."order_id" AND r."state" = 'reserved' AND o."state" IN ('confirmed', 'shipped', 'delivered');
