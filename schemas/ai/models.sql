-- ML model registry: versioned models, their deployments and offline evaluations.
CREATE TABLE ai.models (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            varchar(255) NOT NULL,
    version         varchar(50) NOT NULL,
    model_type      text NOT NULL
                    CHECK (model_type IN ('classification', 'regression', 'nlp', 'cv', 'audio')),
    framework       text NOT NULL
                    CHECK (framework IN ('tensorflow', 'pytorch', 'onnx', 'custom')),
    pillar_id       uuid REFERENCES education.pillars (id) ON DELETE SET NULL,
    artifacts       jsonb NOT NULL DEFAULT '{}',
    metrics         jsonb NOT NULL DEFAULT '{}',
    config          jsonb NOT NULL DEFAULT '{}',
    status          text NOT NULL DEFAULT 'training',
    created_by      uuid REFERENCES core.users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deployed_at     timestamptz,
    CONSTRAINT models_name_version_key UNIQUE (name, version),
    CONSTRAINT models_status_check
        CHECK (status IN ('training', 'validating', 'staging', 'production', 'retired'))
);

CREATE INDEX models_status_idx ON ai.models (status) WHERE status IN ('staging', 'production');

CREATE TRIGGER models_set_updated_at
    BEFORE UPDATE ON ai.models
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TRIGGER models_audit
    AFTER INSERT OR UPDATE OR DELETE ON ai.models
    FOR EACH ROW EXECUTE FUNCTION core.record_audit_event();

COMMENT ON TABLE ai.models IS 'Model registry; artifacts holds S3 paths and checksums.';
COMMENT ON COLUMN ai.models.pillar_id IS 'Education pillar the model serves (e.g. the game-call audio classifier).';

CREATE TABLE ai.model_deployments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    model_id        uuid NOT NULL REFERENCES ai.models (id) ON DELETE CASCADE,
    environment     text NOT NULL CHECK (environment IN ('alpha', 'beta', 'production')),
    endpoint_url    text NOT NULL,
    traffic_percent smallint NOT NULL DEFAULT 100 CHECK (traffic_percent BETWEEN 0 AND 100),
    deployed_by     uuid REFERENCES core.users (id) ON DELETE SET NULL,
    deployed_at     timestamptz NOT NULL DEFAULT now(),
    retired_at      timestamptz,
    CONSTRAINT model_deployments_retired_check CHECK (retired_at IS NULL OR retired_at >= deployed_at)
);

CREATE INDEX model_deployments_live_idx ON ai.model_deployments (environment, model_id) WHERE retired_at IS NULL;

CREATE TABLE ai.model_evaluations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    model_id        uuid NOT NULL REFERENCES ai.models (id) ON DELETE CASCADE,
    dataset_name    varchar(255) NOT NULL,
    dataset_version varchar(50) NOT NULL,
    metrics         jsonb NOT NULL,
    passed          boolean NOT NULL,
    evaluated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (model_id, dataset_name, dataset_version)
);
