-- Caches.
CREATE SCHEMA cache;
