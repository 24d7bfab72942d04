"""The command line: python -m macros <command> …

Bad input ends with one line on stderr naming the file, the field and what is
wrong, and exit status 2. No traceback.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Callable

from .base.errors import HandbookError

EXIT_BAD_INPUT = 2


def _cmd_offline(args: argparse.Namespace) -> int:
    from .build.offline import make_offline_zip

    out = make_offline_zip(Path(args.out))
    print(out)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .build.site import validate_all

    validate_all()
    print("templates/: all data valid")
    return 0


def parse_year(value: str | None) -> int:
    if value is None:
        raise HandbookError("--year", "missing: give the report year the draft covers, e.g. --year 2024")
    from .content.calendar import load_calendar

    cal = load_calendar()
    if not re.fullmatch(r"[0-9]{4}", value.strip()) or not cal.covers(int(value)):
        raise HandbookError("--year", f"expected a report year the handbook covers ({cal.first_year}–{cal.last_year}), got {value!r}")
    return int(value)


def _cmd_check(args: argparse.Namespace) -> int:
    """Exit 0: no finding; 1: findings (printed); 2: bad input (one line, from main)."""
    import json

    from .tools import checker
    from .tools.textio import read_text_file

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


def _cmd_samples_ingest(args: argparse.Namespace) -> int:
    from .tools.ingest import ingest_file

    for out in ingest_file(Path(args.raw), args.slug, genre=args.genre, year=args.year, level=args.level):
        print(out)
    return 0


def _cmd_phrases_pinyin(args: argparse.Namespace) -> int:
    from .content.phrases import load_library
    from .pages.phrase_search import write_pinyin_cache

    print(write_pinyin_cache(load_library().values()))
    return 0


def _cmd_anonymise(args: argparse.Namespace) -> int:
    import json

    from .tools.anonymise import find_in_file

    items = find_in_file(args.file)
    if args.json:
        print(json.dumps([it.as_dict() for it in items], ensure_ascii=False))
    else:
        for it in items:
            print(f"{it.start}\t{it.end}\t{it.category}\t{it.text}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m macros",
        description="述职述廉报告写作手册: build-time tools (templates, samples, phrases, checks).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("offline", help="build the site for file:// and zip it")
    p.add_argument("--out", default="build/handbook-offline.zip", help="zip to write (default: %(default)s)")
    p.set_defaults(func=_cmd_offline)

    p = sub.add_parser("validate", help="load and render every template and data file")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("check", help="check a draft (提法体检): placeholders, stale wording, misquotes, numbering, punctuation")
    p.add_argument("file", help="the draft: UTF-8 or GBK/GB18030 text, or .docx")
    p.add_argument("--year", help="the report year the draft covers (e.g. 2024)")
    p.add_argument("--json", action="store_true", help="print a JSON array of {start, end, rule, message, suggestion}")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("samples", help="sample reports: ingest a raw report into templates/samples/")
    ssub = p.add_subparsers(dest="samples_command", metavar="SUBCOMMAND")
    q = ssub.add_parser("ingest", help="clean, anonymise and annotate a raw report; write <slug>.yml and <slug>.review.md")
    q.add_argument("raw", help="the raw report: UTF-8 or GBK/GB18030 text, or .docx")
    q.add_argument("--slug", required=True, help="the sample's slug, e.g. 2023-finance-head-duty")
    q.add_argument("--genre", help="report type slug (default: guessed from the title)")
    q.add_argument("--year", type=int, help="report year (default: from the title)")
    q.add_argument("--level", choices=("province", "city", "county"), help="level of the unit (default: guessed)")
    q.set_defaults(func=_cmd_samples_ingest)

    p = sub.add_parser("phrases", help="phrase library maintenance")
    psub = p.add_subparsers(dest="phrases_command", metavar="SUBCOMMAND")
    q = psub.add_parser("pinyin", help="regenerate templates/phrases/pinyin.tsv (run after adding phrases)")
    q.set_defaults(func=_cmd_phrases_pinyin)

    p = sub.add_parser("anonymise", help="list identifying items (names, places, units, numbers …) in a file")
    p.add_argument("file", help="UTF-8 or GBK/GB18030 text, or .docx")
    p.add_argument("--json", action="store_true", help="print a JSON array of {start, end, category, text}")
    p.set_defaults(func=_cmd_anonymise)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return func(args)
    except HandbookError as exc:
        print(f"error: {exc.line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
