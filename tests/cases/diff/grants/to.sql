CREATE TABLE reports (id bigint PRIMARY KEY, body text);
GRANT SELECT ON reports TO sd_case_writer;
GRANT SELECT ON reports TO sd_case_reader;
