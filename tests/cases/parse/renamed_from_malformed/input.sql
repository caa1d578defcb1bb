-- schemadiff:renamed-from
CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    owner text, -- schemadiff:renamed-from
    -- schemadiff:renamed-from:holder
    holder text,
    balance numeric -- schemadiff:renamed-from old-balance

    -- schemadiff:renamed-from nothing_follows
);
