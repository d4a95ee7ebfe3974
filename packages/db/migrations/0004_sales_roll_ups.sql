CREATE TABLE "sales_daily" (
	"day" date NOT NULL,
	"shard" smallint NOT NULL,
	"orders" integer NOT NULL,
	"revenue_cents" bigint NOT NULL,
	CONSTRAINT "sales_daily_day_shard_pk" PRIMARY KEY("day","shard")
);
--> statement-breakpoint
CREATE TABLE "sales_daily_products" (
	"day" date NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"revenue_cents" bigint NOT NULL,
	CONSTRAINT "sales_daily_products_product_id_day_pk" PRIMARY KEY("product_id","day")
);
--> statement-breakpoint
DROP INDEX "orders_sales_report_idx";--> statement-breakpoint
CREATE INDEX "sales_daily_products_report_idx" ON "sales_daily_products" USING btree ("day","product_id","quantity","revenue_cents");