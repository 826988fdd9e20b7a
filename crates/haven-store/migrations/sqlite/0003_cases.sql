-- The national referral mechanism. A case's history is kept in record_actions (record_type
-- 'case'), each action sealed under the person's data key; the tables below are pseudonymous
-- projections for lists, queues and statistics, rebuilt from the histories.

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons(id),
    screening_id TEXT,
    organisation_id TEXT NOT NULL,
    owner_user_id TEXT NOT NULL,
    owner_team_id TEXT,
    profile_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    status TEXT NOT NULL,
    child BOOLEAN NOT NULL,
    opened_at BIGINT NOT NULL,
    last_action_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    -- The first positive reasonable- or conclusive-grounds decision, for "decided" statistics.
    positive_decision_at BIGINT,
    -- The earliest day something the case awaits is due (YYYY-MM-DD): an index for the queues;
    -- the domain computes what is due from the history.
    next_due TEXT,
    non_punishment_alert BOOLEAN NOT NULL,
    -- The anonymous notification's non-identifying data, counted in statistics.
    notified_gender TEXT,
    notified_exploitation TEXT,
    notified_country TEXT
);
CREATE INDEX cases_owner ON cases (owner_user_id, last_action_at);
CREATE INDEX cases_organisation ON cases (organisation_id, last_action_at);
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_next_due ON cases (next_due);

CREATE TABLE case_referrals (
    case_id TEXT NOT NULL REFERENCES cases(id),
    referral_id TEXT NOT NULL,
    recipient_organisation_id TEXT NOT NULL,
    recipient_role TEXT NOT NULL,
    status TEXT NOT NULL,
    fields TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, referral_id)
);
CREATE INDEX case_referrals_recipient ON case_referrals (recipient_organisation_id, status, sent_at);

-- Documents attached to a case: the content sealed under the person's data key.
CREATE TABLE case_documents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    sealed BLOB NOT NULL
);
CREATE INDEX case_documents_person ON case_documents (person_id);

-- The service directory: providers' services, eligibility and capacity (not identifying). Its
-- history is kept in record_actions (record_type 'service'); this is the projection, with the
-- domain's service as JSON in `service` and the columns lists are filtered by beside it.
CREATE TABLE services (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    -- NULL where places do not apply (legal aid, interpretation).
    places_free BIGINT,
    service TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX services_kind ON services (kind);
CREATE INDEX services_organisation ON services (organisation_id);

-- Installation settings chosen by an admin (the jurisdiction profile).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The language each user chose for the web application (BCP 47); the session may override it.
ALTER TABLE users ADD COLUMN language TEXT;
