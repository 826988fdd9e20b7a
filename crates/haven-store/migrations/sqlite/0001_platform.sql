-- Haven platform schema (SQLite). Timestamps are UTC milliseconds; ids are UUIDv7 text.
-- Identifying data lives only in identity_fields, sealed under per-person data keys that are
-- kept in the separate key store.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    org_type TEXT NOT NULL,
    require_totp BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    team_id TEXT REFERENCES teams(id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret BLOB,
    totp_pending BLOB,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE team_supervisors (
    team_id TEXT NOT NULL REFERENCES teams(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    second_factor_done BOOLEAN NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);

-- Append-only histories of every record: the source of truth for the projections below.
CREATE TABLE record_actions (
    id TEXT PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    actor_user_id TEXT,
    organisation_id TEXT,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    consent_id TEXT,
    UNIQUE (record_id, seq)
);
CREATE INDEX record_actions_type ON record_actions (record_type, at, id);

-- Projection: the pseudonymous person record.
CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    owner_user_id TEXT NOT NULL,
    owner_team_id TEXT,
    created_at BIGINT NOT NULL,
    erased_at BIGINT,
    version BIGINT NOT NULL
);

CREATE TABLE person_assignments (
    person_id TEXT NOT NULL REFERENCES persons(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (person_id, user_id)
);

-- The identity vault: one sealed value per person and field.
CREATE TABLE identity_fields (
    person_id TEXT NOT NULL REFERENCES persons(id),
    field TEXT NOT NULL,
    sealed BLOB NOT NULL,
    PRIMARY KEY (person_id, field)
);

CREATE TABLE blind_index (
    person_id TEXT NOT NULL REFERENCES persons(id),
    field TEXT NOT NULL,
    digest BLOB NOT NULL,
    PRIMARY KEY (person_id, field)
);
CREATE INDEX blind_index_lookup ON blind_index (field, digest);

-- Projection: screenings with the engine's result.
CREATE TABLE screenings (
    id TEXT PRIMARY KEY,
    person_id TEXT REFERENCES persons(id),
    organisation_id TEXT NOT NULL,
    owner_user_id TEXT NOT NULL,
    owner_team_id TEXT,
    created_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    treated_as_child BOOLEAN NOT NULL,
    sex TEXT NOT NULL,
    exploitation_type TEXT NOT NULL,
    legal_outcome TEXT NOT NULL,
    input TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE INDEX screenings_organisation ON screenings (organisation_id, created_at);
CREATE INDEX screenings_owner ON screenings (owner_user_id, created_at);

-- The audit log: append-only and hash-chained; audit_head holds the end of the chain and
-- serialises appends.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_user_id TEXT,
    actor_label TEXT NOT NULL,
    organisation_id TEXT,
    action TEXT NOT NULL,
    record_type TEXT,
    record_id TEXT,
    fields TEXT NOT NULL,
    purpose TEXT NOT NULL,
    outcome TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash BLOB NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, zeroblob(32));

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER record_actions_no_update BEFORE UPDATE ON record_actions
BEGIN SELECT RAISE(ABORT, 'record histories are append-only'); END;
CREATE TRIGGER record_actions_no_delete BEFORE DELETE ON record_actions
BEGIN SELECT RAISE(ABORT, 'record histories are append-only'); END;
