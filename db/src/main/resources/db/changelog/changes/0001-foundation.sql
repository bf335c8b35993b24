--liquibase formatted sql

--changeset justiam:0001-extensions
CREATE EXTENSION IF NOT EXISTS pg_trgm;

--changeset justiam:0001-tenants
CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
);
CREATE UNIQUE INDEX tenants_slug_uq ON tenants (slug);

--changeset justiam:0001-signing-keys
-- Per-tenant signing keys. The private part is encrypted with the master key (AES-GCM).
-- status: next (published, not yet signing), active (signing), retired (published until
-- retire_after so tokens it signed still verify).
CREATE TABLE signing_keys (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kid              text NOT NULL,
    algorithm        text NOT NULL,
    public_jwk       text NOT NULL,
    private_key_enc  bytea NOT NULL,
    certificate      text,
    status           text NOT NULL CHECK (status IN ('next', 'active', 'retired')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    activated_at     timestamptz,
    retired_at       timestamptz,
    retire_after     timestamptz
);
CREATE UNIQUE INDEX signing_keys_kid_uq ON signing_keys (tenant_id, kid);
CREATE UNIQUE INDEX signing_keys_one_active_uq ON signing_keys (tenant_id) WHERE status = 'active';

--changeset justiam:0001-users
CREATE TABLE users (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    username            text NOT NULL,
    email               text,
    email_verified      boolean NOT NULL DEFAULT false,
    first_name          text,
    last_name           text,
    display_name        text,
    password_hash       text,
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    failed_logins       integer NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    last_login_at       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- Case-insensitive uniqueness per tenant.
CREATE UNIQUE INDEX users_username_uq ON users (tenant_id, lower(username));
CREATE UNIQUE INDEX users_email_uq ON users (tenant_id, lower(email)) WHERE email IS NOT NULL;
-- Newest-first paging.
CREATE INDEX users_tenant_created_idx ON users (tenant_id, created_at DESC, id DESC);
-- Substring search on username, email and names stays an index scan at millions of rows.
CREATE INDEX users_search_trgm_idx ON users USING gin (
    (lower(username || ' ' || coalesce(email, '') || ' ' || coalesce(first_name, '') || ' '
        || coalesce(last_name, '') || ' ' || coalesce(display_name, ''))) gin_trgm_ops);

--changeset justiam:0001-groups
CREATE TABLE groups (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text NOT NULL,
    description  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX groups_name_uq ON groups (tenant_id, lower(name));
CREATE INDEX groups_name_trgm_idx ON groups USING gin (lower(name) gin_trgm_ops);

CREATE TABLE group_members (
    group_id    uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id);

--changeset justiam:0001-admin-roles
CREATE TABLE admin_roles (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text NOT NULL,
    description  text,
    permissions  text[] NOT NULL DEFAULT '{}',
    built_in     boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX admin_roles_name_uq ON admin_roles (tenant_id, lower(name));

-- subject_type/subject_id point at a user or a group; rows are removed with their subject.
CREATE TABLE admin_role_assignments (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    role_id       uuid NOT NULL REFERENCES admin_roles (id) ON DELETE CASCADE,
    subject_type  text NOT NULL CHECK (subject_type IN ('user', 'group')),
    subject_id    uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX admin_role_assignments_uq ON admin_role_assignments (role_id, subject_type, subject_id);
CREATE INDEX admin_role_assignments_subject_idx ON admin_role_assignments (tenant_id, subject_type, subject_id);

--changeset justiam:0001-sessions
-- A sign-in session. Portal tokens name their session; revoking the row ends every token at once.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    auth_methods  text[] NOT NULL DEFAULT '{}',
    ip            text,
    user_agent    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (tenant_id, user_id, created_at DESC);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

--changeset justiam:0001-audit
-- Append-only; only the retention task deletes.
CREATE TABLE audit_logs (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    actor_id     uuid,
    actor_name   text,
    action       text NOT NULL,
    target_type  text,
    target_id    text,
    result       text NOT NULL CHECK (result IN ('success', 'failure')),
    ip           text,
    user_agent   text,
    details      jsonb,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_logs_tenant_created_idx ON audit_logs (tenant_id, created_at DESC, id DESC);
CREATE INDEX audit_logs_actor_idx ON audit_logs (tenant_id, actor_id, created_at DESC);
CREATE INDEX audit_logs_target_idx ON audit_logs (tenant_id, target_type, target_id, created_at DESC);
CREATE INDEX audit_logs_action_idx ON audit_logs (tenant_id, action, created_at DESC);

--changeset justiam:0001-tenant-settings
CREATE TABLE tenant_settings (
    tenant_id   uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    settings    jsonb NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now()
);
