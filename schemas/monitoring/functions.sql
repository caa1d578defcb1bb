-- SQL helper functions used by the monitoring views and dashboards.
CREATE FUNCTION monitoring.course_completion_rate(course uuid)
RETURNS numeric
LANGUAGE sql
STABLE
AS $$
    SELECT CASE
               WHEN count(*) = 0 THEN 0::numeric
               ELSE round(100.0 * count(*) FILTER (WHERE e.status = 'completed') / count(*), 2)
           END
    FROM education.enrollments AS e
    WHERE e.course_id = course
      AND e.status <> 'dropped'
$$;

COMMENT ON FUNCTION monitoring.course_completion_rate(uuid) IS 'Percentage (0-100) of non-dropped enrolments of a course that are completed.';

CREATE FUNCTION monitoring.follower_count(target_user uuid)
RETURNS bigint
LANGUAGE sql
STABLE
AS $$
    SELECT count(*) FROM social.follows AS f WHERE f.following_id = target_user
$$;

COMMENT ON FUNCTION monitoring.follower_count(uuid) IS 'Number of users following the given user.';
