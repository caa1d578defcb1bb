-- Schema for the field domain: hunting areas, waypoints, wildlife sightings and hunt plans.
CREATE SCHEMA field;

COMMENT ON SCHEMA field IS 'Field operations backed by PostGIS; all geometry is geography in WGS 84 (SRID 4326).';
