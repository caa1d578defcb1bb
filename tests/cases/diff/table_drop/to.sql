CREATE TABLE keep (id bigint PRIMARY KEY);
CREATE TABLE other (id bigint PRIMARY KEY, scratch_id bigint);
