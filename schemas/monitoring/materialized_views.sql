-- Materialized rollups, refreshed by a scheduled job (REFRESH MATERIALIZED VIEW CONCURRENTLY).
CREATE MATERIALIZED VIEW monitoring.daily_activity AS
SELECT
    (al.created_at AT TIME ZONE 'UTC')::date   AS activity_date,
    al.action,
    count(*)                                    AS events,
    count(DISTINCT al.user_id)                  AS distinct_users
FROM education.activity_log AS al
GROUP BY 1, 2
WITH DATA;

-- A unique index is required for REFRESH ... CONCURRENTLY.
CREATE UNIQUE INDEX daily_activity_date_action_idx ON monitoring.daily_activity (activity_date, action);

COMMENT ON MATERIALIZED VIEW monitoring.daily_activity IS 'Learner activity per UTC day and action, rolled up from education.activity_log.';
COMMENT ON COLUMN monitoring.daily_activity.distinct_users IS 'Distinct users who performed the action that day.';
