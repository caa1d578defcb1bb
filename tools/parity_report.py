#!/usr/bin/env python3
"""parity_report.py -- the static/canonical parity table over many schema folders.

Runs `schemadiff inspect --schemas X --dev-url URL --parity --format json` for the example
`schemas/` and for every corpus case's to.sql (tests/corpus/<peer>/<case>/; a case with a
setup.sql gets it loaded first, as the corpus README says), adds the figures up per
object kind and prints them as a Markdown table (docs/parity.md holds the last run).

usage: tools/parity_report.py --dev-url URL [--bin target/release/schemadiff] [--jobs 3]
                              [--only schemas|corpus]
Cases schemadiff cannot load (parser or server errors) are counted and listed, not added.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def inputs(only):
    if only in (None, "schemas"):
        yield "schemas/", os.path.join(ROOT, "schemas"), None
    if only in (None, "corpus"):
        corpus = os.path.join(ROOT, "tests", "corpus")
        for peer in sorted(os.listdir(corpus)):
            peer_dir = os.path.join(corpus, peer)
            if not os.path.isdir(peer_dir) or peer == "known-failures":
                continue
            for case in sorted(os.listdir(peer_dir)):
                d = os.path.join(peer_dir, case)
                if os.path.isfile(os.path.join(d, "case.json")):
                    setup = os.path.join(d, "setup.sql")
                    yield f"{peer}/{case}", os.path.join(d, "to.sql"), (setup if os.path.isfile(setup) else None)


def run(binary, dev_url, name, path, setup):
    tmp = None
    try:
        if setup:
            tmp = tempfile.mkdtemp(prefix="parity_")
            os.makedirs(os.path.join(tmp, "case"))
            shutil.copy(setup, os.path.join(tmp, "case", "0_setup.sql"))
            shutil.copy(path, os.path.join(tmp, "case", "1_to.sql"))
            path = tmp
        out = subprocess.run([binary, "inspect", "--schemas", path, "--dev-url", dev_url,
                              "--parity", "--format", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["?"])[-2:]
            return name, None, " / ".join(last)
        return name, json.loads(out.stdout), None
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev-url", required=True)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "schemadiff"))
    ap.add_argument("--jobs", type=int, default=3)
    ap.add_argument("--only", choices=["schemas", "corpus"])
    a = ap.parse_args()
    totals, order, failed, loaded = {}, [], [], 0
    with ThreadPoolExecutor(a.jobs) as pool:
        jobs = [pool.submit(run, a.bin, a.dev_url, *i) for i in inputs(a.only)]
        for job in jobs:
            name, report, err = job.result()
            if report is None:
                failed.append((name, err))
                continue
            loaded += 1
            for row in report["kinds"]:
                if row["kind"] not in totals:
                    order.append(row["kind"])
                    totals[row["kind"]] = [0, 0, 0]
                t = totals[row["kind"]]
                t[0] += row["static"]
                t[1] += row["canonical"]
                t[2] += row["agree"]
    print(f"{loaded} folder(s) compared, {len(failed)} not loadable by schemadiff\n")
    print("| kind | static | canonical | agree | agree % |\n|---|---:|---:|---:|---:|")
    grand = [0, 0, 0]
    for kind in order:
        s, c, g = totals[kind]
        grand = [grand[0] + s, grand[1] + c, grand[2] + g]
        print(md_row(kind, s, c, g))
    print(md_row("total", *grand))
    if failed:
        print("\nNot loadable:\n")
        for name, err in failed:
            print(f"- {name}: {err}")
    return 0


def md_row(kind, s, c, g):
    base = max(s, c)
    pct = f"{100.0 * g / base:.1f}" if base else "-"
    return f"| {kind} | {s} | {c} | {g} | {pct} |"


if __name__ == "__main__":
    sys.exit(main())
