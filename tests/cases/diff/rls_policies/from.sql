CREATE TABLE tenant_data (id bigint PRIMARY KEY, tenant_id uuid NOT NULL, payload text);
CREATE POLICY old_policy ON tenant_data USING (true);
