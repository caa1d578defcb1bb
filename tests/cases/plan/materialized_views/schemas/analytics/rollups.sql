-- Rollups refreshed by a job; the hourly one starts empty (WITH NO DATA).
CREATE SCHEMA analytics;

CREATE MATERIALIZED VIEW analytics.daily_signups AS
SELECT date_trunc('day', created_at) AS day, count(*) AS signups
FROM events.signups
GROUP BY 1;

CREATE UNIQUE INDEX daily_signups_day_key ON analytics.daily_signups (day);

CREATE MATERIALIZED VIEW analytics.hourly_signups AS
SELECT date_trunc('hour', created_at) AS hour, count(*) AS signups
FROM events.signups
GROUP BY 1
WITH NO DATA;

CREATE UNIQUE INDEX hourly_signups_hour_key ON analytics.hourly_signups (hour);
