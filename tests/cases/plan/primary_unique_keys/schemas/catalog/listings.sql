-- Listings: composite key, multi-column unique keys, NULLS NOT DISTINCT.
CREATE TABLE catalog.listings (
    seller_id   integer NOT NULL,
    listing_no  integer NOT NULL,
    sku         text NOT NULL,
    region      text,
    gtin        text UNIQUE,
    slug        text NOT NULL,
    PRIMARY KEY (seller_id, listing_no),
    UNIQUE (seller_id, sku),
    CONSTRAINT listings_slug_region_key UNIQUE NULLS NOT DISTINCT (slug, region)
);
