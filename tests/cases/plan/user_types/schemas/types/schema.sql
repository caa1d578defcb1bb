-- Types shared by every domain.
CREATE SCHEMA common;
