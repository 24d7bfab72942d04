"""The `check` command of python -m macros (registered in macros/cli.py).

Exit 0: no finding; 1: findings (printed); 2: bad input, one line on stderr
(raised as HandbookError and printed by cli.main).
"""
from __future__ import annotations

import argparse
import json
import re

from . import checker
from .data import MAX_YEAR, MIN_YEAR
from .errors import HandbookError
from .textio import read_text_file


def parse_year(value: str | None) -> int:
    if value is None:
        raise HandbookError("--year", "missing: give the report year the draft covers, e.g. --year 2024")
    if not re.fullmatch(r"[0-9]{4}", value.strip()) or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise HandbookError("--year", f"expected a report year ({MIN_YEAR}–{MAX_YEAR}), got {value!r}")
    return int(value)


def run_check(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    text = read_text_file(args.file)
    findings = checker.check(text, year)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            line, col = checker.line_col(text, f.start)
            print(f"{line}:{col} {f.rule} {f.message} → {f.suggestion}")
        print(f"{args.file}: {len(findings)} 处问题（{year}年度）")
    return 1 if findings else 0
