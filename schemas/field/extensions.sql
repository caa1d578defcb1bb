-- Extensions required by the field domain (PostGIS geography types and GiST operator classes).
CREATE EXTENSION IF NOT EXISTS postgis;
