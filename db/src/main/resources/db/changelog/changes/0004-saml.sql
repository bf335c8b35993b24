--liquibase formatted sql

--changeset justiam:0004-saml-seen-requests
-- IDs of SAML requests already accepted, kept until they could no longer pass the IssueInstant check,
-- so a replayed AuthnRequest or LogoutRequest is refused (SAML Profiles 4.1.4.3 and 4.4.4.1).
CREATE TABLE saml_seen_requests (
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    request_id      text NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (application_id, request_id)
);
CREATE INDEX saml_seen_requests_expiry_idx ON saml_seen_requests (expires_at);

--changeset justiam:0004-saml-pending-requests
-- An accepted AuthnRequest waiting for the browser to come back with its session cookie (a cross-site
-- POST does not carry a SameSite=Lax cookie; the GET that follows does) or from the sign-in page.
CREATE TABLE saml_pending_requests (
    id              text PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    request_id      text,
    acs_url         text NOT NULL,
    relay_state     text,
    force_authn     boolean NOT NULL DEFAULT false,
    is_passive      boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);
CREATE INDEX saml_pending_requests_expiry_idx ON saml_pending_requests (expires_at);

--changeset justiam:0004-saml-persistent-ids
-- Persistent NameIDs: opaque, stable per user and application, never reused across applications
-- (SAML Core 8.3.7).
CREATE TABLE saml_persistent_ids (
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name_id         text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, user_id)
);
CREATE UNIQUE INDEX saml_persistent_ids_name_id_uq ON saml_persistent_ids (application_id, name_id);
