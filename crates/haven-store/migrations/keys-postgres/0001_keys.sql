-- The key store, kept apart from the case data: a backup of the case database alone reveals
-- nothing identifying. Every key here is wrapped by the master key, which lives in a file.
CREATE TABLE data_keys (
    person_id TEXT PRIMARY KEY,
    wrapped BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE system_keys (
    name TEXT PRIMARY KEY,
    wrapped BYTEA NOT NULL
);
