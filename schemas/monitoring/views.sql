-- Plain reporting views joining tables across the core, education, social, field and ai domains.
CREATE VIEW monitoring.active_learners_per_course AS
SELECT
    c.id                                        AS course_id,
    p.slug                                      AS pillar_slug,
    c.slug                                      AS course_slug,
    c.title                                     AS course_title,
    count(DISTINCT up.user_id)                  AS learners_total,
    count(DISTINCT up.user_id) FILTER (
        WHERE up.last_accessed_at >= now() - interval '30 days'
    )                                           AS learners_active_30d,
    max(up.last_accessed_at)                    AS last_activity_at
FROM education.courses AS c
JOIN education.pillars AS p ON p.id = c.pillar_id
LEFT JOIN education.user_progress AS up ON up.course_id = c.id
LEFT JOIN core.users AS u ON u.id = up.user_id
WHERE c.is_published
  AND (u.id IS NULL OR u.status = 'active')
GROUP BY c.id, p.slug, c.slug, c.title;

COMMENT ON VIEW monitoring.active_learners_per_course IS 'Distinct learners per published course, in total and over the last 30 days.';
COMMENT ON COLUMN monitoring.active_learners_per_course.learners_active_30d IS 'Learners who opened a lesson of the course in the last 30 days.';

-- Builds on the view above and on monitoring.course_completion_rate().
CREATE VIEW monitoring.course_health AS
SELECT
    a.course_id,
    a.pillar_slug,
    a.course_title,
    a.learners_total,
    a.learners_active_30d,
    monitoring.course_completion_rate(a.course_id) AS completion_rate_pct,
    (SELECT count(*) FROM education.lessons AS l WHERE l.course_id = a.course_id AND l.is_published) AS published_lessons
FROM monitoring.active_learners_per_course AS a;

COMMENT ON VIEW monitoring.course_health IS 'Course dashboard: activity, completion rate and published lesson count.';

CREATE VIEW monitoring.user_overview AS
SELECT
    u.id                                    AS user_id,
    u.username,
    u.email,
    u.role,
    u.status,
    pr.hunting_experience,
    pr.timezone,
    monitoring.follower_count(u.id)         AS followers,
    (SELECT count(*) FROM social.posts AS sp WHERE sp.user_id = u.id) AS posts,
    (SELECT count(*) FROM education.enrollments AS e WHERE e.user_id = u.id AND e.status = 'completed') AS courses_completed,
    u.last_login_at,
    u.created_at
FROM core.users AS u
LEFT JOIN core.profiles AS pr ON pr.id = u.primary_profile_id;

COMMENT ON VIEW monitoring.user_overview IS 'One row per user with primary-profile, social and learning counters.';
COMMENT ON COLUMN monitoring.user_overview.followers IS 'Computed by monitoring.follower_count().';

CREATE VIEW monitoring.species_sightings_30d AS
SELECT
    sp.id                       AS species_id,
    sp.common_name,
    sp.category,
    count(s.id)                 AS sightings,
    coalesce(sum(s.animal_count), 0) AS animals,
    count(DISTINCT s.user_id)   AS observers,
    max(s.observed_at)          AS last_observed_at
FROM field.species AS sp
LEFT JOIN field.sightings AS s
       ON s.species_id = sp.id
      AND s.observed_at >= now() - interval '30 days'
GROUP BY sp.id, sp.common_name, sp.category;

COMMENT ON VIEW monitoring.species_sightings_30d IS 'Wildlife sightings per species over the last 30 days.';

CREATE VIEW monitoring.live_models AS
SELECT
    m.id            AS model_id,
    m.name,
    m.version,
    m.model_type,
    pl.slug         AS pillar_slug,
    d.environment,
    d.endpoint_url,
    d.traffic_percent,
    d.deployed_at
FROM ai.models AS m
JOIN ai.model_deployments AS d ON d.model_id = m.id AND d.retired_at IS NULL
LEFT JOIN education.pillars AS pl ON pl.id = m.pillar_id;

COMMENT ON VIEW monitoring.live_models IS 'Model versions currently receiving traffic, per environment.';

GRANT SELECT ON monitoring.active_learners_per_course, monitoring.course_health,
    monitoring.species_sightings_30d, monitoring.live_models TO PUBLIC;
