-- Names that must be quoted: a mixed-case schema and table, reserved words, and a hostile name.
CREATE TABLE "Sales"."Order" (
    "Id"            integer PRIMARY KEY,
    "user"          integer NOT NULL REFERENCES core."user" ("select"),
    "createdAt"     timestamptz NOT NULL DEFAULT now(),
    "group"         text,
    CONSTRAINT "Order_group_check" CHECK ("group" <> '')
);

CREATE INDEX "Order_createdAt_idx" ON "Sales"."Order" ("createdAt" DESC);

CREATE TABLE "Sales"."a""; drop table b; --" (
    "x""y"          integer PRIMARY KEY,
    "order_id"      integer REFERENCES "Sales"."Order"
);

COMMENT ON TABLE "Sales"."a""; drop table b; --" IS 'A hostile name: '' ; drop table b; --';

CREATE VIEW "Sales"."Recent Orders" AS
SELECT "Id", "createdAt" FROM "Sales"."Order" WHERE "createdAt" > now() - interval '7 days';
