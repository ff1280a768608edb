-- Stock that existed before movements were recorded gets its opening movement,
-- so every SKU's on hand and reserved equal the sum of its movements.
INSERT INTO inventory.stock_movements (sku, delta_on_hand, delta_reserved, reason, on_hand_after, reserved_after)
  SELECT sku, on_hand, reserved, 'opening_stock', on_hand, reserved FROM inventory.stock_items
  WHERE on_hand <> 0 OR reserved <> 0;--> statement-breakpoint
-- Stock movements are append-only: the history of a SKU cannot be rewritten, even by Kura itself.
CREATE FUNCTION inventory.stock_movements_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inventory.stock_movements is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON inventory.stock_movements
  FOR EACH STATEMENT EXECUTE FUNCTION inventory.stock_movements_are_append_only();
