-- Keeps sales_daily and sales_daily_products equal to what the orders say (docs/decisions/010).
-- An order counts on the UTC day it was paid unless cancelled; its revenue is net of refunds.
-- Static statements only: PL/pgSQL caches their plans, so a placed order pays no planning here.
CREATE FUNCTION sales_day(paid_at timestamptz, status order_status) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN paid_at IS NOT NULL AND status <> 'cancelled' THEN (paid_at AT TIME ZONE 'UTC')::date END
$$;
--> statement-breakpoint
-- sum(bigint) answers numeric, several times slower to accumulate; cents never near 2^63 (and
-- int8pl raises rather than wraps if they were).
CREATE AGGREGATE sales_sum(bigint) (SFUNC = int8pl, STYPE = bigint);
--> statement-breakpoint
-- Adds orders and revenue to a random one of the day's shard rows: concurrent orders rarely wait
-- on the same row lock.
CREATE FUNCTION sales_daily_add(p_day date[], p_orders integer[], p_revenue bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_daily AS s (day, shard, orders, revenue_cents)
  SELECT d, floor(random() * 64)::smallint, o, r FROM unnest(p_day, p_orders, p_revenue) AS u(d, o, r)
  ON CONFLICT (day, shard) DO UPDATE
    SET orders = s.orders + excluded.orders, revenue_cents = s.revenue_cents + excluded.revenue_cents;
END
$$;
--> statement-breakpoint
-- In product id order, as an order's stock updates lock its products: two orders cannot deadlock.
CREATE FUNCTION sales_products_add(
  p_day date[], p_product uuid[], p_name text[], p_quantity integer[], p_revenue bigint[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_daily_products AS p (day, product_id, name, quantity, revenue_cents)
  SELECT d, product, n, q, r FROM unnest(p_day, p_product, p_name, p_quantity, p_revenue) AS u(d, product, n, q, r)
  ORDER BY product
  ON CONFLICT (day, product_id) DO UPDATE
    SET name = least(p.name, excluded.name), quantity = p.quantity + excluded.quantity,
        revenue_cents = p.revenue_cents + excluded.revenue_cents;
END
$$;
--> statement-breakpoint
-- A new order counts at once; its lines count when they are inserted (after it).
CREATE FUNCTION sales_roll_up_new_orders() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sales_daily_add(array_agg(day), array_agg(n), array_agg(revenue))
  FROM (
    SELECT sales_day(paid_at, status) AS day, count(*)::integer AS n,
           sum(total_cents - refunded_cents)::bigint AS revenue
    FROM new_rows GROUP BY 1
  ) d
  WHERE day IS NOT NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION sales_roll_up_new_order_items() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sales_products_add(array_agg(day), array_agg(product_id), array_agg(name), array_agg(quantity), array_agg(revenue))
  FROM (
    SELECT sales_day(o.paid_at, o.status) AS day, i.product_id, min(i.name) AS name,
           sum(i.quantity)::integer AS quantity, sum(i.line_total_cents)::bigint AS revenue
    FROM new_rows i JOIN orders o ON o.id = i.order_id
    WHERE sales_day(o.paid_at, o.status) IS NOT NULL
    GROUP BY 1, 2
  ) l;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The orders as they are now count (+1) and as they were are taken away (-1): a refund, a
-- cancellation or a late payment moves exactly what changed; any other change writes nothing.
-- Orders are never deleted (kept for accounting), so deletes are not rolled up.
CREATE FUNCTION sales_roll_up_changed_orders() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sales_daily_add(array_agg(day), array_agg(n), array_agg(revenue))
  FROM (
    SELECT day, sum(sign)::integer AS n, sum(sign * net)::bigint AS revenue
    FROM (
      SELECT sales_day(paid_at, status) AS day, 1 AS sign, total_cents - refunded_cents AS net FROM new_rows
      UNION ALL
      SELECT sales_day(paid_at, status), -1, total_cents - refunded_cents FROM old_rows
    ) c
    WHERE day IS NOT NULL
    GROUP BY day
    HAVING sum(sign) <> 0 OR sum(sign * net) <> 0
  ) d;
  PERFORM sales_products_add(array_agg(day), array_agg(product_id), array_agg(name), array_agg(quantity), array_agg(revenue))
  FROM (
    SELECT c.day, i.product_id, min(i.name) AS name, sum(c.sign * i.quantity)::integer AS quantity,
           sum(c.sign * i.line_total_cents)::bigint AS revenue
    FROM (
      SELECT id, sales_day(paid_at, status) AS day, 1 AS sign FROM new_rows
      UNION ALL
      SELECT id, sales_day(paid_at, status), -1 FROM old_rows
    ) c
    JOIN order_items i ON i.order_id = c.id
    WHERE c.day IS NOT NULL
    GROUP BY 1, 2
    HAVING sum(c.sign * i.quantity) <> 0
  ) l;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER orders_sales_roll_up_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_roll_up_new_orders();
--> statement-breakpoint
CREATE TRIGGER orders_sales_roll_up_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_roll_up_changed_orders();
--> statement-breakpoint
CREATE TRIGGER order_items_sales_roll_up_insert AFTER INSERT ON order_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_roll_up_new_order_items();
--> statement-breakpoint
-- The orders placed before this migration (creating the triggers above locked out writers).
INSERT INTO sales_daily (day, shard, orders, revenue_cents)
SELECT sales_day(paid_at, status), 0, count(*), sum(total_cents - refunded_cents)
FROM orders WHERE sales_day(paid_at, status) IS NOT NULL GROUP BY 1;
--> statement-breakpoint
INSERT INTO sales_daily_products (day, product_id, name, quantity, revenue_cents)
SELECT sales_day(o.paid_at, o.status), i.product_id, min(i.name), sum(i.quantity), sum(i.line_total_cents)
FROM orders o JOIN order_items i ON i.order_id = o.id
WHERE sales_day(o.paid_at, o.status) IS NOT NULL GROUP BY 1, 2;
