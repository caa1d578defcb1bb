-- Analytics reads billing and identity (both later domains): a view, an FK and a type.
CREATE SCHEMA analytics;

CREATE TABLE analytics.usage_events (
    id          bigint PRIMARY KEY,
    account_id  integer NOT NULL REFERENCES identity.accounts (id),
    plan        identity.plan_tier NOT NULL,
    occurred_at timestamptz NOT NULL
);

CREATE VIEW analytics.revenue_by_plan AS
SELECT a.plan, sum(i.amount) AS revenue
FROM billing.invoices AS i
JOIN identity.accounts AS a ON a.id = i.account_id
GROUP BY a.plan;
