CREATE TABLE keep (id bigint PRIMARY KEY);
CREATE TABLE scratch (id bigint PRIMARY KEY, keep_id bigint REFERENCES keep (id));
CREATE TABLE other (id bigint PRIMARY KEY, scratch_id bigint REFERENCES scratch (id));
