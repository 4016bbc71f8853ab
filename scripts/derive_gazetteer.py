#!/usr/bin/env python3
"""Derives the project's compact gazetteer (data/gazetteer/) from the shared data.

Run at development time only; the build reads the derived, committed files and
never the shared folder:

    python3 scripts/derive_gazetteer.py [--source ../shared/data/gazetteer] [--out data/gazetteer]
    python3 scripts/derive_gazetteer.py --check   # exit 1 if data/gazetteer differs from a fresh derivation

Inputs (see the shared README):
  nbs2023/{provinces,cities,areas,streets}.csv   current divisions, four levels
  mca-history/result.csv                          county/prefecture code history 1981-2024

Outputs (UTF-8, tab-separated, '#' lines are comments, first other line is the header):
  divisions.tsv    code, name, parent, source: every current division in code order.
                   Placeholder prefectures (市辖区, 县, 省直辖县级行政区划) are dropped
                   and their counties hang under the province; the synthetic county
                   slots of prefectures without counties (东莞 441900, 中山 442000,
                   儋州 460400, 嘉峪关 620201) are dropped and their townships hang
                   under the prefecture. County codes in use in mca-history but absent
                   from nbs2023 (created after its cut-off) are added with source
                   mca-history.
  code_aliases.tsv code, target, reason: codes that are not divisions but name one
                   (placeholder prefectures -> province, synthetic county slots ->
                   prefecture).
  history.tsv      code, name, level, valid_from, valid_to, status, successors, current:
                   every retired (弃用) or renamed (变更) code of mca-history with the
                   successors it had when it ended and the current gazetteer code they
                   lead to (the most specific division covering all of them; empty when
                   the chain ends nowhere).
  LICENSE.nbs2023, LICENSE.mca-history: the licence texts of the sources.

Names are NFKC-normalised (full-width brackets become ASCII). The output is
deterministic: the same inputs give byte-identical files. Standard library only.
"""

import argparse
import csv
import hashlib
import os
import re
import filecmp
import shutil
import sys
import tempfile
import unicodedata

PLACEHOLDER_PREFECTURE_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
EXPECTED_PLACEHOLDERS = {"1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590"}
EXPECTED_SYNTHETIC = {"441900": "4419", "442000": "4420", "460400": "4604", "620201": "6202"}
LEVEL_NAMES = {2: "province", 4: "prefecture", 6: "county", 9: "township"}
MCA_LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}
MCA_STATUS = {"在用": "current", "弃用": "retired", "变更": "changed"}


def fail(message):
    sys.exit("derive_gazetteer: " + message)


def norm(name):
    return unicodedata.normalize("NFKC", name.strip())


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_csv(path, required):
    """Rows of a CSV as dicts keyed by header name (column order varies per file)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            fail(f"{path}: header lacks column(s) {missing}; has {reader.fieldnames}")
        rows = []
        for line_no, row in enumerate(reader, start=2):
            for c in required:
                if row[c] is None:
                    fail(f"{path}:{line_no}: row has too few columns")
            row["_line"] = line_no
            rows.append(row)
        return rows


def gb_form_to_gazetteer(code, current):
    """Maps a 6-digit GB/T 2260 code to the gazetteer form if it names a current division."""
    if code in current:
        return code
    if code.endswith("0000") and code[:2] in current:
        return code[:2]
    if code.endswith("00") and code[:4] in current:
        return code[:4]
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", default=os.path.join(repo, "..", "shared", "data", "gazetteer"))
    parser.add_argument("--out", default=os.path.join(repo, "data", "gazetteer"))
    parser.add_argument("--check", action="store_true",
                        help="derive into a temporary folder and compare with --out")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            derive(os.path.normpath(args.source), tmp)
            differ = [n for n in DERIVED_FILES
                      if not filecmp.cmp(os.path.join(tmp, n), os.path.join(args.out, n),
                                         shallow=False)]
        if differ:
            fail(f"{args.out} is stale: {', '.join(differ)} differ from a fresh derivation")
        print(f"derive_gazetteer: {args.out} matches a fresh derivation")
        return
    derive(os.path.normpath(args.source), args.out)


DERIVED_FILES = ["divisions.tsv", "code_aliases.tsv", "history.tsv", "LICENSE.nbs2023",
                 "LICENSE.mca-history"]


def derive(src, out):

    paths = {
        "provinces": os.path.join(src, "nbs2023", "provinces.csv"),
        "cities": os.path.join(src, "nbs2023", "cities.csv"),
        "areas": os.path.join(src, "nbs2023", "areas.csv"),
        "streets": os.path.join(src, "nbs2023", "streets.csv"),
        "history": os.path.join(src, "mca-history", "result.csv"),
    }
    provinces = read_csv(paths["provinces"], ["code", "name"])
    cities = read_csv(paths["cities"], ["code", "name", "provinceCode"])
    areas = read_csv(paths["areas"], ["code", "name", "cityCode", "provinceCode"])
    streets = read_csv(paths["streets"], ["code", "name", "areaCode", "provinceCode", "cityCode"])
    history = read_csv(paths["history"], ["代码", "名称", "级别", "状态", "启用时间", "变更/弃用时间", "新代码"])

    divisions = {}  # code -> (name, parent, source)
    code_aliases = {}  # code -> (target, reason)

    def add(code, name, parent, source, where):
        if not re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{9}", code):
            fail(f"{where}: malformed code {code!r}")
        if code in divisions:
            fail(f"{where}: duplicate code {code}")
        if not name:
            fail(f"{where}: empty name for {code}")
        divisions[code] = (norm(name), parent, source)

    for r in provinces:
        add(r["code"], r["name"], "", "nbs2023", f"{paths['provinces']}:{r['_line']}")

    placeholders = set()
    for r in cities:
        where = f"{paths['cities']}:{r['_line']}"
        if r["provinceCode"] not in divisions:
            fail(f"{where}: unknown province {r['provinceCode']}")
        if norm(r["name"]) in PLACEHOLDER_PREFECTURE_NAMES:
            placeholders.add(r["code"])
            code_aliases[r["code"]] = (r["provinceCode"], "placeholder prefecture " + norm(r["name"]))
            continue
        add(r["code"], r["name"], r["provinceCode"], "nbs2023", where)
    if placeholders != EXPECTED_PLACEHOLDERS:
        fail(f"placeholder prefectures {sorted(placeholders)} differ from the documented set")

    synthetic = {}
    for r in areas:
        where = f"{paths['areas']}:{r['_line']}"
        city = r["cityCode"]
        if city in placeholders:
            parent = r["provinceCode"]
        elif city in divisions:
            parent = city
        else:
            fail(f"{where}: unknown prefecture {city}")
        if city in divisions and norm(r["name"]) == divisions[city][0]:
            # The county slot of a prefecture that has townships directly.
            synthetic[r["code"]] = city
            code_aliases[r["code"]] = (city, "synthetic county slot of a prefecture without counties")
            continue
        add(r["code"], r["name"], parent, "nbs2023", where)
    if synthetic != EXPECTED_SYNTHETIC:
        fail(f"synthetic county slots {synthetic} differ from the documented set")

    for r in streets:
        where = f"{paths['streets']}:{r['_line']}"
        area = r["areaCode"]
        parent = synthetic.get(area, area)
        if parent not in divisions:
            fail(f"{where}: unknown county {area}")
        if not r["code"].startswith(area):
            fail(f"{where}: code {r['code']} not under its county {area}")
        add(r["code"], r["name"], parent, "nbs2023", where)

    # Code history. A code can have several rows (renamed, then reused).
    hist_rows = []
    for r in history:
        where = f"{paths['history']}:{r['_line']}"
        code = r["代码"].strip()
        if not re.fullmatch(r"\d{6}", code):
            fail(f"{where}: malformed code {code!r}")
        level = MCA_LEVELS.get(r["级别"].strip())
        status = MCA_STATUS.get(r["状态"].strip())
        if level is None or status is None:
            fail(f"{where}: unknown level/status {r['级别']!r}/{r['状态']!r}")
        # Successors: "130404[2014];130402;130403" - bracketed entries are partial
        # transfers in an earlier year, the others are what the code became.
        successors = []
        for part in filter(None, (p.strip() for p in r["新代码"].split(";"))):
            m = re.fullmatch(r"(\d{6})(\[(\d{4})\])?", part)
            if not m:
                fail(f"{where}: malformed successor {part!r}")
            if m.group(2) is None:
                successors.append(m.group(1))
        hist_rows.append({
            "code": code, "name": norm(r["名称"]), "level": level, "status": status,
            "from": r["启用时间"].strip(), "to": r["变更/弃用时间"].strip(),
            "successors": successors, "where": where,
        })

    # Current county codes that nbs2023 (cut-off 2023-06-30) does not list yet.
    current_codes = set(divisions) | set(code_aliases)
    for h in hist_rows:
        if h["status"] == "current" and h["level"] == "county" and h["code"] not in current_codes \
                and gb_form_to_gazetteer(h["code"], divisions) is None:
            prefix = h["code"][:4]
            parent = prefix if prefix in divisions else code_aliases.get(prefix, (h["code"][:2],))[0]
            if parent not in divisions:
                fail(f"{h['where']}: no parent for added county {h['code']}")
            add(h["code"], h["name"], parent, "mca-history", h["where"])

    def current_form(code):
        """The gazetteer code a 6-digit code names today, or None."""
        if code in divisions:
            return code
        if code in code_aliases:
            return code_aliases[code][0]
        return gb_form_to_gazetteer(code, divisions)

    ended = {}  # code -> rows that ended (retired or renamed)
    for h in hist_rows:
        if h["status"] != "current":
            ended.setdefault(h["code"], []).append(h)

    def resolve(code, seen):
        """Current gazetteer codes a successor code leads to."""
        now = current_form(code)
        if now is not None:
            return {now}
        if code in seen:
            return set()
        result = set()
        for h in ended.get(code, []):
            for s in h["successors"]:
                result |= resolve(s, seen | {code})
        return result

    def path(code):
        chain = []
        while code:
            chain.append(code)
            code = divisions[code][1]
        return chain[::-1]

    def common_ancestor(codes):
        paths_ = [path(c) for c in sorted(codes)]
        common = []
        for level in zip(*paths_):
            if len(set(level)) != 1:
                break
            common.append(level[0])
        return common[-1] if common else ""

    hist_out = []
    for h in hist_rows:
        if h["status"] == "current":
            continue
        targets = set()
        for s in h["successors"]:
            targets |= resolve(s, {h["code"]})
        current = common_ancestor(targets) if targets else ""
        hist_out.append((h["code"], h["name"], h["level"], h["from"], h["to"], h["status"],
                         " ".join(h["successors"]), current))
    hist_out.sort()

    # Facts of the shared README, checked so a changed source is noticed.
    county_names = {}
    for code, (name, parent, _) in divisions.items():
        if len(code) == 6:
            county_names.setdefault(name, set()).add(parent)
    ambiguous = [n for n, ps in county_names.items() if len(ps) > 1]
    for code, name in [("410303", "西工区"), ("410303003", "西工街道"), ("410703", "卫滨区"),
                       ("410703002", "解放路街道"), ("610115", "临潼区"), ("610115020", "任留街道")]:
        if divisions.get(code, ("",))[0] != name:
            fail(f"seed check: {code} is not {name}")
    retired = {r[0]: r[7] for r in hist_out}
    if retired.get("410306") != "410308" or retired.get("410381") != "410307":
        fail("seed check: 吉利区/偃师市 successors")

    os.makedirs(out, exist_ok=True)
    banner = ["# Derived by scripts/derive_gazetteer.py; do not edit by hand.",
              "# Sources (sha256):"]
    for key in ["provinces", "cities", "areas", "streets", "history"]:
        rel = os.path.relpath(paths[key], src)
        banner.append(f"#   {rel} {sha256(paths[key])}")

    def write(name, header, rows, extra=()):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            for line in banner + list(extra):
                f.write(line + "\n")
            f.write("\t".join(header) + "\n")
            for row in rows:
                for cell in row:
                    if "\t" in cell or "\n" in cell:
                        fail(f"{name}: cell {cell!r} holds a tab or newline")
                f.write("\t".join(row) + "\n")

    write("divisions.tsv", ["code", "name", "parent", "source"],
          [(c, n, p, s) for c, (n, p, s) in sorted(divisions.items())],
          [f"# {len(divisions)} divisions; {len(ambiguous)} county-level names occur in"
           " more than one prefecture."])
    write("code_aliases.tsv", ["code", "target", "reason"],
          [(c, t, r) for c, (t, r) in sorted(code_aliases.items())])
    write("history.tsv",
          ["code", "name", "level", "valid_from", "valid_to", "status", "successors", "current"],
          hist_out)
    shutil.copyfile(os.path.join(src, "nbs2023", "LICENSE"), os.path.join(out, "LICENSE.nbs2023"))
    shutil.copyfile(os.path.join(src, "mca-history", "LICENSE"),
                    os.path.join(out, "LICENSE.mca-history"))
    print(f"derive_gazetteer: {len(divisions)} divisions, {len(code_aliases)} code aliases, "
          f"{len(hist_out)} history rows, {len(ambiguous)} ambiguous county names -> {out}")


if __name__ == "__main__":
    main()
