-- Statistics and data exchange.

-- The person's citizenship and country of exploitation (ISO 3166 alpha-2) as the case's history
-- last recorded them: the GLOTIP tables and the CTDC microdata count by them.
ALTER TABLE cases ADD COLUMN citizenship TEXT;
ALTER TABLE cases ADD COLUMN country_of_exploitation TEXT;

-- The privacy budget of each dataset: its PrivacyLedger (JSON, this one dataset), read and
-- written in the transaction that records a release, so that concurrent releases cannot
-- overspend it.
CREATE TABLE privacy_ledgers (
    dataset TEXT PRIMARY KEY,
    ledger TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Case records imported from HTCDS files of other agencies: the statistical record only
-- (HTCDS names, JSON), never identifying fields. import_key is the partner's case id, or the
-- digest of the row when it has none: importing a file again creates no duplicate.
CREATE TABLE imported_cases (
    import_key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    source_row BIGINT NOT NULL,
    record TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);
