CREATE TABLE reports (id bigint PRIMARY KEY, body text);
GRANT SELECT, INSERT ON reports TO sd_case_writer;
