"""Side-by-side benchmark of Haven's `haven link` against clkhash (encoding) and anonlink's C++
Dice kernel with its greedy solver (matching). Run through scripts/bench-linkage.sh.

Usage: bench_linkage.py HAVEN_BINARY WORK_DIR RECORDS
"""
import bisect
import csv
import json
import os
import random
import subprocess
import sys
import time

import anonlink
from anonlink.candidate_generation import find_candidate_pairs
from anonlink.similarities import dice_coefficient_accelerated
from anonlink.solving import greedy_solve, pairs_from_groups
from clkhash import clk, serialization
from clkhash.schema import from_json_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "haven-linkage", "tests", "data")
SCHEMA = os.path.join(DATA, "febrl4-schema.json")
SECRET = "benchmark shared secret"
THRESHOLD = 0.8


def read_febrl(name):
    with open(os.path.join(DATA, "febrl4", name), newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def perturb(value, rng):
    """One typo (substitution, deletion, insertion or swap) in a third of the values."""
    if not value or rng.random() > 0.33:
        return value
    i = rng.randrange(len(value))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    kind = rng.randrange(4)
    if kind == 0:
        return value[:i] + letter + value[i + 1:]
    if kind == 1 and len(value) > 1:
        return value[:i] + value[i + 1:]
    if kind == 2:
        return value[:i] + letter + value[i:]
    return value[:i] + value[i + 1:i + 2] + value[i:i + 1] + value[i + 2:]


def synthesise(path, seed, count, base_rows, header):
    """`count` records: FEBRL4 people perturbed; the same seed base gives the same people."""
    rng = random.Random(seed)
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for n in range(count):
            person = base_rows[n % len(base_rows)]
            out.writerow([f"r{n}"] + [perturb(v, rng) for v in person[1:]])


def timed(label, action):
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"  {label:<46} {seconds:9.2f} s", flush=True)
    return seconds, result


def haven(binary, *args):
    subprocess.run([binary, "link", *map(str, args)], check=True)


def load_clks(path):
    with open(path) as f:
        return [serialization.deserialize_bitarray(c) for c in json.load(f)["clks"]]


def anonlink_link(clks_a, clks_b):
    candidates = find_candidate_pairs([clks_a, clks_b], dice_coefficient_accelerated, THRESHOLD)
    return candidates, dict(pairs_from_groups(greedy_solve(candidates)))


def pairs_in_popcount_bound(clks_a, clks_b):
    """Pairs the popcount bound lets through: what a popcount-filtered scan must compare."""
    counts_b = sorted(c.count() for c in clks_b)
    total = 0
    t = THRESHOLD
    for c in (c.count() for c in clks_a):
        low, high = t * c / (2 - t), c * (2 - t) / t
        total += bisect.bisect_right(counts_b, high) - bisect.bisect_left(counts_b, low)
    return total


def main():
    binary, work, records = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(work, exist_ok=True)
    secret_file = os.path.join(work, "secret")
    with open(secret_file, "w") as f:
        f.write(SECRET + "\n")
    header, rows_a = read_febrl("febrl4_a.csv")
    _, rows_b = read_febrl("febrl4_b.csv")
    base = rows_a + rows_b
    a_csv, b_csv = os.path.join(work, "a.csv"), os.path.join(work, "b.csv")
    synthesise(a_csv, 1, records, base, header)
    synthesise(b_csv, 2, records, base, header)
    cores = os.cpu_count()
    print(f"{records:,} records per list, {cores} cores, threshold {THRESHOLD}")

    print("encoding (list A)")
    schema = from_json_file(open(SCHEMA))
    results = {}
    for workers in (1, cores):
        with open(a_csv) as f:
            results[f"clkhash_{workers}"], clks = timed(
                f"clkhash {anonlink.__name__ and ''}generate_clk_from_csv, {workers} proc",
                lambda: clk.generate_clk_from_csv(f, SECRET, schema, progress_bar=False, max_workers=workers))
    for threads in (1, cores):
        out = os.path.join(work, f"a-{threads}.clk")
        results[f"haven_encode_{threads}"], _ = timed(
            f"haven link encode --threads {threads}",
            lambda: haven(binary, "encode", "--schema", SCHEMA, "--secret-file", secret_file, a_csv, "-o", out, "--threads", threads))
    same = [serialization.serialize_bitarray(c).strip() for c in clks] == json.load(open(os.path.join(work, "a-1.clk")))["clks"]
    print(f"  identical encodings from clkhash and haven: {same}")
    haven(binary, "encode", "--schema", SCHEMA, "--secret-file", secret_file, b_csv, "-o", os.path.join(work, "b.clk"))

    print("matching A x B, 1024-bit filters")
    clks_a, clks_b = load_clks(os.path.join(work, "a-1.clk")), load_clks(os.path.join(work, "b.clk"))
    bounded = pairs_in_popcount_bound(clks_a, clks_b)
    print(f"  pairs inside the popcount bound: {bounded:,} of {len(clks_a) * len(clks_b):,}")
    results["anonlink_1"], (candidates, anon_pairs) = timed(
        "anonlink dice_coefficient_accelerated + greedy, 1 thr", lambda: anonlink_link(clks_a, clks_b))
    for threads in (1, cores):
        out = os.path.join(work, f"pairs-{threads}.csv")
        results[f"haven_match_{threads}"], _ = timed(
            f"haven link match --threads {threads}",
            lambda: haven(binary, "match", os.path.join(work, "a-1.clk"), os.path.join(work, "b.clk"),
                          "--threshold", THRESHOLD, "-o", out, "--threads", threads))
    results["haven_lsh"], _ = timed(
        f"haven link match --blocking lsh --threads {cores}",
        lambda: haven(binary, "match", os.path.join(work, "a-1.clk"), os.path.join(work, "b.clk"),
                      "--threshold", THRESHOLD, "--blocking", "lsh", "-o", os.path.join(work, "pairs-lsh.csv"), "--threads", cores))
    with open(os.path.join(work, "pairs-1.csv")) as f:
        haven_pairs = {int(r["index_a"]): int(r["index_b"]) for r in csv.DictReader(f)}
    with open(os.path.join(work, "pairs-lsh.csv")) as f:
        lsh_pairs = sum(1 for _ in f) - 1
    print(f"  pairs: anonlink {len(anon_pairs):,}, haven {len(haven_pairs):,} (same: {anon_pairs == haven_pairs}), haven lsh {lsh_pairs:,}")

    print("FEBRL4 quality at Dice 0.8 on identical encodings (anonlink greedy vs haven)")
    febrl_a, febrl_b = os.path.join(work, "febrl4_a.clk"), os.path.join(work, "febrl4_b.clk")
    for name, out in (("febrl4_a.csv", febrl_a), ("febrl4_b.csv", febrl_b)):
        haven(binary, "encode", "--schema", SCHEMA, "--secret-file", secret_file, os.path.join(DATA, "febrl4", name), "-o", out)
    ids_a = [r[0] for r in rows_a]
    ids_b = [r[0] for r in rows_b]
    _, truth = read_febrl("febrl4_true_matches.csv")
    truth = {tuple(t) for t in truth}
    _, anon = anonlink_link(load_clks(febrl_a), load_clks(febrl_b))
    febrl_pairs = os.path.join(work, "febrl4-pairs.csv")
    haven(binary, "match", febrl_a, febrl_b, "--threshold", THRESHOLD, "-o", febrl_pairs)
    with open(febrl_pairs) as f:
        hav = {int(r["index_a"]): int(r["index_b"]) for r in csv.DictReader(f)}
    for name, pairs in (("anonlink", anon), ("haven", hav)):
        correct = sum((ids_a[i], ids_b[j]) in truth for i, j in pairs.items())
        print(f"  {name:<9} pairs {len(pairs):5}  precision {correct / len(pairs):.4f}  recall {correct / len(truth):.4f}")

    print("ratios")
    print(f"  encoding, 1 thread:  haven {results['clkhash_1'] / results['haven_encode_1']:.1f}x clkhash")
    print(f"  encoding, {cores} cores:  haven {results[f'clkhash_{cores}'] / results[f'haven_encode_{cores}']:.1f}x clkhash")
    print(f"  matching, 1 thread:  haven {results['anonlink_1'] / results['haven_match_1']:.1f}x anonlink")
    print(f"  matching scaling 1 -> {cores} threads: {results['haven_match_1'] / results[f'haven_match_{cores}']:.2f}x")
    print(f"  encoding scaling 1 -> {cores} threads: {results['haven_encode_1'] / results[f'haven_encode_{cores}']:.2f}x")
    print(f"  haven match, 1 thread: {bounded / results['haven_match_1'] / 1e6:.0f} M bounded pairs/s (includes reading files)")


if __name__ == "__main__":
    main()
