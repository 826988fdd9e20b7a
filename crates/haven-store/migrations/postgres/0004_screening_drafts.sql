-- Screening drafts: the answers a screener has given so far, kept to continue later. The
-- answers are sealed with XChaCha20-Poly1305 under the key store's system key
-- "screening_drafts", bound to the draft and its owner; only the owner, the step reached and
-- the times are in clear. Only the owner may read or delete a draft.

CREATE TABLE screening_drafts (
    id TEXT PRIMARY KEY,
    owner_user_id TEXT NOT NULL REFERENCES users(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    step BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sealed BYTEA NOT NULL
);
CREATE INDEX screening_drafts_owner ON screening_drafts (owner_user_id, updated_at);
