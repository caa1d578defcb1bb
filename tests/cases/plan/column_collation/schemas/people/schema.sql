-- People.
CREATE SCHEMA people;
