--liquibase formatted sql

--changeset justiam:0005-login-failures
-- Failed sign-ins for logins that match no user, counted like a real account's so that lockout
-- does not reveal which accounts exist. Rows are short-lived and purged as they go stale.
CREATE TABLE unknown_login_failures (
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    login_key     text NOT NULL,
    failures      integer NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, login_key)
);
CREATE INDEX unknown_login_failures_updated_idx ON unknown_login_failures (updated_at);
