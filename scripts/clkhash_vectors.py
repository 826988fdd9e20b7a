"""Generates the clkhash test vectors Haven's linkage must reproduce bit for bit.

Run through scripts/clkhash-vectors.sh, which provides a virtualenv with clkhash. Writes JSON to
stdout: a list of cases, each with a schema, a secret, records and the encodings clkhash made.
"""
import copy
import json
import sys

import clkhash
from clkhash import clk, serialization
from clkhash.schema import from_json_dict

RECORDS = [
    ["0", "Ana María", "Núñez", "1985-03-07", "2150", "F", "42"],
    ["1", "Dmitriy", "Ivanov", "1990-12-31", "3000", "M", "7"],
    ["2", "Fatima", "Al-Hassan", "2001-01-01", "0800", "F", "130"],
    ["3", "Jo", "Li", "1975-06-15", "6000", "X", "0"],
    ["4", "", "O'Brien", "1999-09-09", "", "M", "-3"],
    ["5", "Zoë", "Łukasiewicz", "1966-02-28", "2600", "F", "0099"],
    ["6", "محمد", "Иванова", "1980-10-10", "4000", "M", "55"],
]


def text(n=2, positional=False, strategy=None):
    return {"type": "string", "encoding": "utf-8"}, {
        "comparison": {"type": "ngram", "n": n, "positional": positional},
        "strategy": strategy or {"bitsPerToken": 20},
    }


def feature(identifier, fmt_hashing):
    fmt, hashing = fmt_hashing
    return {"identifier": identifier, "format": fmt, "hashing": hashing}


def base_schema():
    return {
        "version": 3,
        "clkConfig": {"l": 1024, "kdf": {"type": "HKDF", "hash": "SHA256", "keySize": 64}},
        "features": [
            {"identifier": "id", "ignored": True},
            feature("given", text()),
            feature("surname", text()),
            feature("dob", ({"type": "date", "format": "%Y-%m-%d"}, {
                "comparison": {"type": "ngram", "n": 1, "positional": True},
                "strategy": {"bitsPerToken": 20}})),
            feature("postcode", text(1, True, {"bitsPerFeature": 100})),
            feature("sex", ({"type": "enum", "values": ["F", "M", "X"]}, {
                "comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 30}})),
            feature("age", ({"type": "integer", "minimum": -10, "maximum": 200}, {
                "comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 10}})),
        ],
    }


def variant(name, change):
    schema = base_schema()
    change(schema)
    return name, schema


def set_in(path, value):
    def change(schema):
        node = schema
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def chain(*changes):
    def change(schema):
        for c in changes:
            c(schema)
    return change


VARIANTS = [
    variant("base", lambda s: None),
    variant("l512_xor_folds_1", chain(set_in(["clkConfig", "l"], 512),
                                      set_in(["clkConfig", "xor_folds"], 1))),
    variant("l2048", set_in(["clkConfig", "l"], 2048)),
    variant("kdf_sha512_salt_info", set_in(["clkConfig", "kdf"], {
        "type": "HKDF", "hash": "SHA512", "salt": "SCNJcnM9a9Kp1Q==",
        "info": "c2NoZW1hX2V4YW1wbGU=", "keySize": 32})),
    variant("trigram_positional_bits_per_feature", set_in(["features", 1, "hashing"], {
        "comparison": {"type": "ngram", "n": 3, "positional": True},
        "strategy": {"bitsPerFeature": 150}})),
    variant("many_bits_per_token", set_in(["features", 2, "hashing", "strategy"],
                                          {"bitsPerToken": 70})),
    variant("missing_value", set_in(["features", 4, "hashing", "missingValue"],
                                    {"sentinel": "", "replaceWith": "nopostcode"})),
    variant("date_day_first", chain(
        set_in(["features", 3, "format"], {"type": "date", "format": "%d/%m/%Y"}))),
    variant("ignored_surname", set_in(["features", 2], {"identifier": "surname", "ignored": True})),
]


def records_for(name):
    if name == "date_day_first":
        return [r[:3] + ["/".join(reversed(r[3].split("-")))] + r[4:] for r in RECORDS]
    return RECORDS


def main():
    secrets = ["correct horse battery staple", "sécret partagé"]
    cases = []
    for i, (name, schema) in enumerate(VARIANTS):
        secret = secrets[i % len(secrets)]
        records = records_for(name)
        parsed = from_json_dict(copy.deepcopy(schema))
        filters = clk.generate_clks(records, parsed, secret, validate=True, max_workers=1)
        cases.append({
            "name": name,
            "schema": schema,
            "secret": secret,
            "records": records,
            "clks": [serialization.serialize_bitarray(f).strip() for f in filters],
        })
    json.dump({"generator": "clkhash " + clkhash.__version__, "cases": cases},
              sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
