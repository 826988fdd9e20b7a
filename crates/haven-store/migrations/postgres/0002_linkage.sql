-- Linkage encodings (CLKs) of each person's identity, for "possible match" checks, and the links
-- caseworkers record between two records of the same person (a projection of the histories).
CREATE TABLE linkage_encodings (
    person_id TEXT PRIMARY KEY REFERENCES persons(id),
    clk BYTEA NOT NULL
);

CREATE TABLE person_links (
    person_id TEXT NOT NULL REFERENCES persons(id),
    other_person_id TEXT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (person_id, other_person_id)
);
