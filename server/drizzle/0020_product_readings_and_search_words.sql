CREATE TABLE "catalog"."search_words" (
	"word" text NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "search_words_word_product_id_pk" PRIMARY KEY("word","product_id")
);
--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "name_reading" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."search_words" ADD CONSTRAINT "search_words_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "catalog"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_words_product_idx" ON "catalog"."search_words" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "search_words_word_trgm_idx" ON "catalog"."search_words" USING gist ("word" gist_trgm_ops);--> statement-breakpoint
-- Products written before readings existed: their words, so typo search and "did you mean" know them at once
-- (readings come with each product's next write or CSV import).
INSERT INTO "catalog"."search_words" ("word", "product_id")
SELECT DISTINCT w.word, p.id FROM "catalog"."products" p, regexp_split_to_table(p.search_name, '[^[:alnum:]]+') AS w(word)
WHERE char_length(w.word) >= 3;
