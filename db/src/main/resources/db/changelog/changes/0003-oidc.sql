--liquibase formatted sql

--changeset justiam:0003-sso-sessions
-- The browser's SSO cookie carries a random value; only its SHA-256 is stored.
ALTER TABLE sessions ADD COLUMN sso_token_hash text;
CREATE UNIQUE INDEX sessions_sso_token_uq ON sessions (sso_token_hash) WHERE sso_token_hash IS NOT NULL;

--changeset justiam:0003-oauth-codes
-- Authorization codes, looked up by the SHA-256 of the code. used_at marks the single use;
-- family_id names every token the code issued, so a replay can revoke them.
CREATE TABLE oauth_codes (
    code_hash       text PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id      uuid REFERENCES sessions (id) ON DELETE CASCADE,
    family_id       uuid NOT NULL,
    redirect_uri    text NOT NULL,
    scope           text NOT NULL,
    nonce           text,
    code_challenge  text,
    auth_time       timestamptz NOT NULL,
    auth_methods    text[] NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX oauth_codes_expiry_idx ON oauth_codes (expires_at);

--changeset justiam:0003-oauth-tokens
-- Refresh tokens (by SHA-256 of the value) and issued access tokens (by jti), so both can be
-- revoked and introspected. A family is every token descending from one grant.
CREATE TABLE oauth_tokens (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
    session_id      uuid REFERENCES sessions (id) ON DELETE SET NULL,
    kind            text NOT NULL CHECK (kind IN ('access', 'refresh')),
    lookup          text NOT NULL,
    family_id       uuid NOT NULL,
    scope           text NOT NULL,
    nonce           text,
    auth_time       timestamptz,
    auth_methods    text[] NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz
);
CREATE UNIQUE INDEX oauth_tokens_lookup_uq ON oauth_tokens (kind, lookup);
CREATE INDEX oauth_tokens_family_idx ON oauth_tokens (family_id);
CREATE INDEX oauth_tokens_session_idx ON oauth_tokens (session_id);
CREATE INDEX oauth_tokens_expiry_idx ON oauth_tokens (expires_at);

--changeset justiam:0003-oauth-consents
-- Scopes a user has granted an application; asked again only for scopes not yet granted.
CREATE TABLE oauth_consents (
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    scopes          text[] NOT NULL DEFAULT '{}',
    granted_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, application_id)
);

--changeset justiam:0003-oauth-client-assertions
-- jti values of private_key_jwt client assertions already accepted, kept until they expire, so a
-- captured assertion cannot be replayed (RFC 7523 §3).
CREATE TABLE oauth_client_assertions (
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    jti_hash        text NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (application_id, jti_hash)
);
