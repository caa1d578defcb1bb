-- PostgreSQL takes CREATE EXTENSION's options in any order, WITH optional, and the
-- version as a string or a word.
CREATE SCHEMA ext;
create extension citext version '1.5';
CREATE EXTENSION IF NOT EXISTS pg_trgm VERSION "1.4" SCHEMA ext CASCADE;
CREATE EXTENSION hstore WITH SCHEMA ext VERSION '1.8';
CREATE EXTENSION "uuid-ossp" SCHEMA ext;
-- Not an option: still a syntax error.
CREATE EXTENSION pgcrypto VERSON '1.3';
