-- A MySQL-style table: inline indexes are reported, the rest of the table still loads.
CREATE TABLE activity (
    id bigint PRIMARY KEY,
    actor_id bigint NOT NULL,
    verb text NOT NULL,
    INDEX idx_activity_actor (actor_id),
    KEY (verb),
    INDEX idx_activity_embedding USING ivfflat (verb)
);
