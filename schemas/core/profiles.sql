-- Extended user profiles; a user may have several (personal, guide, outfitter), one of them primary.
CREATE TABLE core.profiles (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    profile_kind        text NOT NULL DEFAULT 'personal'
                        CHECK (profile_kind IN ('personal', 'guide', 'outfitter')),
    bio                 text,
    location            varchar(255),
    timezone            varchar(50) NOT NULL DEFAULT 'UTC',
    language            varchar(10) NOT NULL DEFAULT 'en',
    hunting_experience  text CHECK (hunting_experience IN ('novice', 'intermediate', 'experienced', 'expert')),
    certifications      jsonb NOT NULL DEFAULT '[]',
    social_links        jsonb NOT NULL DEFAULT '{}',
    privacy_settings    jsonb NOT NULL DEFAULT '{"profile_public": false}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT profiles_user_kind_key UNIQUE (user_id, profile_kind)
);

-- Closes the users <-> profiles cycle; deferred so a user and its first profile can be inserted in one transaction.
ALTER TABLE core.users
    ADD CONSTRAINT users_primary_profile_id_fkey
    FOREIGN KEY (primary_profile_id) REFERENCES core.profiles (id)
    ON DELETE SET NULL
    DEFERRABLE INITIALLY DEFERRED;

CREATE TRIGGER profiles_set_updated_at
    BEFORE UPDATE ON core.profiles
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE core.profiles IS 'Public-facing profile data, federated across services.';
