-- Operator classes, INCLUDE, storage parameters and sort order.
CREATE INDEX products_sku_prefix_idx ON catalog.products (sku text_pattern_ops);
CREATE INDEX products_attributes_idx ON catalog.products USING gin (attributes jsonb_path_ops);
CREATE UNIQUE INDEX products_sku_covering_key ON catalog.products (sku) INCLUDE (name, price);
CREATE INDEX products_price_idx ON catalog.products (price DESC NULLS LAST) WITH (fillfactor = 70);
CREATE INDEX products_category_rank_idx ON catalog.products (category_id ASC, rank DESC, name NULLS FIRST);
