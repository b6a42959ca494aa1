#!/usr/bin/env python3
"""Check the hand-written gold of every case under cases/ (no engine involved).

usage: python3 cases/check_gold.py [CASES_DIR]     (default: the directory of this script)

For each case folder it checks that:
  - there is exactly one article (article.txt or article.md), a case.toml and an expect.toml;
  - the article is valid UTF-8 (a BOM is allowed);
  - case.toml has a one-line `description`, and a publication `date` (a TOML date) unless the
    article's TOML front matter (between `+++` lines) supplies one — never both missing;
  - every expectation has a known `kind` and `verdict`, an optional `nth` >= 1 and optional
    `reason` (a list of strings), `gap` (a known limitation: the claim must not fail), and no other keys; every planted `fail` carries a `reason`;
  - every `text` occurs in the article bytes at least `nth` times (first occurrence by default);
  - no two expectations point at the same (text, nth, kind), and no two expectations of the same
    kind overlap in the article (a short text must not land inside a longer expected claim);
  - every `absent` substring occurs in the article and overlaps no expected claim.
Exit status 0 when everything holds, 1 otherwise.
"""
import datetime
import os
import sys
import tomllib

KINDS = {"role", "date", "attribution"}
VERDICTS = {"pass", "fail", "unverified", "not-fail", "any", "no-fail"}
EXPECT_KEYS = {"text", "kind", "verdict", "nth", "reason", "gap"}
CASE_KEYS = {"description", "date", "credit"}
ARTICLE_NAMES = ("article.txt", "article.md")


def front_matter(data: bytes):
    """The TOML front matter of a Markdown article (between leading `+++` lines), or None."""
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "+++":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() == "+++":
            return tomllib.loads("".join(lines[1:i]))
    raise ValueError("front matter opened with +++ but never closed")


def nth_offset(data: bytes, needle: bytes, nth: int) -> int:
    start = -1
    for _ in range(nth):
        start = data.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def check_case(path: str, errors: list) -> int:
    name = os.path.basename(path)

    def err(msg):
        errors.append(f"{name}: {msg}")

    articles = [a for a in ARTICLE_NAMES if os.path.exists(os.path.join(path, a))]
    if len(articles) != 1:
        err(f"expected exactly one of {ARTICLE_NAMES}, found {articles}")
        return 0
    for f in ("case.toml", "expect.toml"):
        if not os.path.exists(os.path.join(path, f)):
            err(f"missing {f}")
            return 0
    data = open(os.path.join(path, articles[0]), "rb").read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"article is not UTF-8: {e}")
        return 0

    try:
        case = tomllib.load(open(os.path.join(path, "case.toml"), "rb"))
        gold = tomllib.load(open(os.path.join(path, "expect.toml"), "rb"))
    except tomllib.TOMLDecodeError as e:
        err(f"TOML error: {e}")
        return 0

    for k in case:
        if k not in CASE_KEYS:
            err(f"case.toml: unknown key {k!r}")
    desc = case.get("description")
    if not isinstance(desc, str) or not desc.strip() or "\n" in desc:
        err("case.toml: `description` must be a one-line string")
    fm = None
    if articles[0].endswith(".md"):
        try:
            fm = front_matter(data)
        except (ValueError, tomllib.TOMLDecodeError) as e:
            err(f"front matter: {e}")
    fm_date = (fm or {}).get("date")
    if "date" in case:
        if not isinstance(case["date"], datetime.date) or isinstance(case["date"], datetime.datetime):
            err("case.toml: `date` must be a TOML date like 2024-11-21")
    elif not isinstance(fm_date, datetime.date):
        err("no publication date: give case.toml `date` or a front-matter `date`")

    for k in gold:
        if k not in ("expect", "absent"):
            err(f"expect.toml: unknown key {k!r}")
    expect = gold.get("expect", [])
    if not expect:
        err("expect.toml: no expectations")
    seen = set()
    spans = []
    for i, ex in enumerate(expect):
        where = f"expect[{i}] {ex.get('text', '')[:50]!r}"
        for k in ex:
            if k not in EXPECT_KEYS:
                err(f"{where}: unknown key {k!r}")
        if ex.get("kind") not in KINDS:
            err(f"{where}: kind must be one of {sorted(KINDS)}")
        if ex.get("verdict") not in VERDICTS:
            err(f"{where}: verdict must be one of {sorted(VERDICTS)}")
        nth = ex.get("nth", 1)
        if not isinstance(nth, int) or nth < 1:
            err(f"{where}: nth must be an integer >= 1")
            continue
        reason = ex.get("reason")
        if reason is not None and (not isinstance(reason, list) or not all(isinstance(r, str) and r for r in reason)):
            err(f"{where}: reason must be a list of non-empty strings")
        if ex.get("verdict") == "fail" and not reason:
            err(f"{where}: a planted fail must carry a reason list")
        text = ex.get("text")
        if not isinstance(text, str) or not text:
            err(f"{where}: text must be a non-empty string")
            continue
        key = (text, nth, ex.get("kind"))
        if key in seen:
            err(f"{where}: duplicate expectation (same text, nth and kind)")
        seen.add(key)
        needle = text.encode("utf-8")
        start = nth_offset(data, needle, nth)
        if start < 0:
            err(f"{where}: text does not occur {nth} time(s) in {articles[0]}")
        else:
            end = start + len(needle)
            for (os_, oe, okind, otext) in spans:
                if okind == ex.get("kind") and start < oe and end > os_:
                    err(f"{where}: overlaps the expected {okind} claim {otext[:40]!r} (use nth?)")
            spans.append((start, end, ex.get("kind"), text))
    for a in gold.get("absent", []):
        if not isinstance(a, str) or not a:
            err(f"absent: {a!r} must be a non-empty string")
            continue
        s = data.find(a.encode("utf-8"))
        if s < 0:
            err(f"absent {a!r} does not occur in {articles[0]}")
            continue
        e = s + len(a.encode("utf-8"))
        for (fs, fe, _, _) in spans:
            if s < fe and e > fs:
                err(f"absent {a!r} overlaps an expected claim")
                break
    return len(expect)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors = []
    total = 0
    cases = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)) and not d.startswith((".", "_")))
    for d in cases:
        n = check_case(os.path.join(root, d), errors)
        total += n
        print(f"{d:<40} {n:>3} expectations")
    print(f"{len(cases)} cases, {total} expectations")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
