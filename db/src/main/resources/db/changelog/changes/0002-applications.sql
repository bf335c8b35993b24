--liquibase formatted sql

--changeset justiam:0002-applications
-- OIDC clients and SAML service providers. Protocol-specific columns are null for the other protocol.
CREATE TABLE applications (
    id                         uuid PRIMARY KEY,
    tenant_id                  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    protocol                   text NOT NULL CHECK (protocol IN ('oidc', 'saml')),
    name                       text NOT NULL,
    description                text,
    logo_url                   text,
    launch_url                 text,
    enabled                    boolean NOT NULL DEFAULT true,
    assignment_required        boolean NOT NULL DEFAULT false,
    -- OIDC
    client_id                  text,
    client_secret_hash         text,
    client_type                text CHECK (client_type IN ('confidential', 'public')),
    token_endpoint_auth_method text CHECK (token_endpoint_auth_method IN
                                   ('client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none')),
    redirect_uris              text[] NOT NULL DEFAULT '{}',
    post_logout_redirect_uris  text[] NOT NULL DEFAULT '{}',
    grant_types                text[] NOT NULL DEFAULT '{}',
    scopes                     text[] NOT NULL DEFAULT '{}',
    pkce_required              boolean NOT NULL DEFAULT true,
    consent_required           boolean NOT NULL DEFAULT false,
    access_token_ttl           integer NOT NULL DEFAULT 300,
    id_token_ttl               integer NOT NULL DEFAULT 300,
    refresh_token_ttl          integer NOT NULL DEFAULT 2592000,
    jwks                       text,
    jwks_uri                   text,
    -- SAML
    entity_id                  text,
    acs_urls                   text[] NOT NULL DEFAULT '{}',
    slo_url                    text,
    name_id_format             text,
    sign_response              boolean NOT NULL DEFAULT true,
    sign_assertion             boolean NOT NULL DEFAULT true,
    sp_certificate             text,
    require_signed_requests    boolean NOT NULL DEFAULT false,
    attribute_mappings         jsonb NOT NULL DEFAULT '[]',
    idp_initiated_allowed      boolean NOT NULL DEFAULT false,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT applications_oidc_client_id CHECK (protocol <> 'oidc' OR client_id IS NOT NULL),
    CONSTRAINT applications_saml_entity_id CHECK (protocol <> 'saml' OR entity_id IS NOT NULL)
);
CREATE UNIQUE INDEX applications_client_id_uq ON applications (tenant_id, client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX applications_entity_id_uq ON applications (tenant_id, entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX applications_tenant_name_idx ON applications (tenant_id, lower(name));

--changeset justiam:0002-app-mappings
-- Gives a user or a group access to an application, with application roles.
CREATE TABLE app_mappings (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    subject_type    text NOT NULL CHECK (subject_type IN ('user', 'group')),
    subject_id      uuid NOT NULL,
    roles           text[] NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_mappings_subject_uq ON app_mappings (application_id, subject_type, subject_id);
CREATE INDEX app_mappings_subject_idx ON app_mappings (tenant_id, subject_type, subject_id);

--changeset justiam:0002-session-applications
-- The applications a sign-in session was used for (OIDC and SAML), for single logout and the Sessions API.
CREATE TABLE session_applications (
    session_id      uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    first_used_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, application_id)
);
