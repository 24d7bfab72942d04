"""The command line: python -m macros <command> …

Exit status: 0 done (check: no finding), 1 check found something, 2 bad input
(one line on stderr naming the file, the field and what is wrong), 3 internal
error (one line, with where to report it). Never a traceback.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Callable

from .base.errors import HandbookError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EPILOG = ("exit status: 0 done (check: no finding), 1 findings, 2 bad input (one line naming the file and the "
          "problem), 3 internal error. Offsets (check --json, anonymise --json) are Python str indices, i.e. "
          "Unicode code points, into the text as read: BOM removed, CRLF and CR turned into LF, .docx paragraphs "
          "and table cells joined by LF in document order.")


def writable_file(value: str, where: str) -> Path:
    """An output file path, checked before any work: not a folder, in a folder we may write."""
    import os

    out = Path(value)
    if out.exists() and not out.is_file():
        raise HandbookError(where, f"{value!r} is a folder or not a regular file: give a file name")
    parent = out.parent if str(out.parent) else Path(".")
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise HandbookError(where, f"cannot write into {str(probe)!r}")
    return out


def _cmd_offline(args: argparse.Namespace) -> int:
    from .build.offline import make_offline_zip

    out = make_offline_zip(writable_file(args.out, "--out"))
    print(out)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .build.site import validate_all

    validate_all()
    print("templates/: all data valid")
    return 0


def parse_year(value: str | None, first: int, last: int) -> int:
    """The --year value, if it is a report year between first and last (the calendar's years)."""
    if value is None:
        raise HandbookError("--year", "missing: give the report year the draft covers, e.g. --year 2024")
    if not re.fullmatch(r"[0-9]{4}", value.strip()) or not first <= int(value) <= last:
        raise HandbookError("--year", f"expected a report year the handbook covers ({first}–{last}), got {value!r}")
    return int(value)


def _cmd_check(args: argparse.Namespace) -> int:
    """Exit 0: no finding; 1: findings (printed); 2: bad input (one line, from main)."""
    import json

    from .tools import checker
    from .tools import rules as check_rules
    from .tools.textio import read_text_file

    rules = check_rules.build_rules()  # the built rules: no YAML read when they are current
    year = parse_year(args.year, *rules["years"])
    text = read_text_file(args.file)
    findings = checker.check(text, year, rules)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        import bisect

        starts = [0] + [m.end() for m in re.finditer("\n", text)]  # one pass, not one per finding
        for f in findings:
            line = bisect.bisect_right(starts, f.start)
            print(f"{line}:{f.start - starts[line - 1] + 1} {f.rule} {f.message} → {f.suggestion}")
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


def _cmd_draft(args: argparse.Namespace) -> int:
    """Print a report assembled as the drafting tool's 复制全文 gives it, or write its .docx."""
    import json

    from .content import assemble

    if args.list:
        entries = assemble.catalog()
        if args.json:
            print(json.dumps(entries, ensure_ascii=False, indent=1))
        else:
            labels = assemble.variant_labels()
            for e in entries:
                variants = ", ".join(f"{v}（{labels.get(v, v)}）" for v in e["variants"])
                print(f"{e['genre']}\t{e['title']}\t{variants}")
            years = entries[0]["years"] if entries else []
            print(f"report years: {years[0]}–{years[-1]}" if years else "report years: none")
        return 0
    if args.json:
        raise HandbookError("--json", "only with --list (the report itself is plain text or --docx)")
    file: dict = assemble.read_values_file(Path(args.values)) if args.values else {}

    def choose(name: str, given: object, where: str) -> object:
        if given is not None and name in file and file[name] != given:
            raise HandbookError(args.values, f"says {name} {file[name]!r} but {where} is {given!r}", name)
        return given if given is not None else file.get(name)

    genre = choose("genre", args.genre, "GENRE")
    if genre is None:
        raise HandbookError("GENRE", "missing: give a report type (python -m macros draft --list)")
    g = assemble.check_genre(genre)
    year_arg = assemble.check_year(args.year) if args.year is not None else None
    year = choose("year", year_arg, "--year")
    if year is None and file.get("values", {}).get("year", "").strip():
        year = assemble.check_year(file["values"]["year"], where=f"{args.values} [values.year]")
    if year is None:
        raise HandbookError("--year", "missing: give the report year the draft covers, e.g. --year 2024")
    variant = choose("variant", args.variant, "--variant")
    assemble.check_variant(g, variant, where=f"{args.values} [variant]" if args.variant is None else "--variant")
    draft = assemble.assemble(g.slug, variant, year, file.get("values"))
    if args.docx is None:
        print(draft.text)
        return 0
    print(write_atomically(args.docx, draft.docx_bytes()))
    return 0


def write_atomically(name: str, data: bytes) -> Path:
    """Write a result file whole or not at all (temporary file, then rename)."""
    import os
    import tempfile

    out = Path(name)
    if out.is_dir():
        raise HandbookError(name, "is a folder: give the .docx file to write")
    if not out.parent.is_dir():
        raise HandbookError(name, f"no such folder {str(out.parent)!r}")
    try:  # never leave a half-written file under the real name
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise HandbookError(name, f"cannot write it ({exc.strerror or exc})") from None
    return out


def _cmd_update(args: argparse.Namespace) -> int:
    """年度更新: the changes last year's report needs for --to; exit 0 (nothing to change) or 1."""
    import json

    from .tools import update
    from .tools.textio import read_text_file

    result = update.update_text(read_text_file(args.file), args.to, from_year=args.from_year, genre=args.genre)
    if args.docx:
        write_atomically(args.docx, update.updated_docx(result))
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
    else:
        import bisect
        import re as _re

        starts = [0] + [m.end() for m in _re.finditer("\n", result.text)]
        for c in result.changes:
            line = bisect.bisect_right(starts, c.start)
            new = f" → {c.new}" if c.new is not None else ""
            tip = f"（{c.suggestion}）" if c.suggestion else ""
            print(f"{line}:{c.start - starts[line - 1] + 1} {c.kind} “{c.old}”{new}：{c.reason}{tip}")
        for m in result.missing:
            print(f"缺少：{m['title']}（段落模板 /{m['template']}）")
        print(f"{args.file}: {result.from_year}年度 → {result.to_year}年度，{len(result.changes)} 处改动，缺少 {len(result.missing)} 个部分"
              + (f"；已写入 {args.docx}" if args.docx else ""))
    return EXIT_FINDINGS if result.changes or result.missing else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m macros",
        description="述职述廉报告写作手册: build-time tools (templates, samples, phrases, checks).",
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("offline", help="build the site for file:// and zip it")
    p.add_argument("--out", default="build/handbook-offline.zip", help="zip to write (default: %(default)s)")
    p.set_defaults(func=_cmd_offline)

    p = sub.add_parser("validate", help="load and render every template and data file")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("check", help="check a draft (提法体检): placeholders, stale wording, misquotes, numbering, punctuation", epilog=EPILOG)
    p.add_argument("file", help="the draft: UTF-8, GBK/GB18030 or UTF-16 (with BOM) text, or .docx")
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

    p = sub.add_parser("anonymise", help="list identifying items (names, places, units, numbers …) in a file", epilog=EPILOG)
    p.add_argument("file", help="UTF-8 or GBK/GB18030 text, or .docx")
    p.add_argument("--json", action="store_true", help="print a JSON array of {start, end, category, text}")
    p.set_defaults(func=_cmd_anonymise)

    p = sub.add_parser(
        "draft", help="assemble a report as the drafting tool's 复制全文 gives it (or its .docx)",
        description="Assemble a report from its genre's outline, the same text as /tools/draft/ copies. "
                    "Slots stay 【标签】 unless --values fills them; --year fills the 年度 slot. "
                    'Values file (UTF-8 JSON, every key optional): {"genre": "...", "variant": "...", '
                    '"year": 2024, "values": {"slot_name": "text"}} (see macros/content/assemble.py).')
    p.add_argument("genre", nargs="?", metavar="GENRE", help="report type slug (see --list)")
    p.add_argument("--year", help="the report year the draft covers (e.g. 2024)")
    p.add_argument("--variant", help="the wording (default: the genre's first; see --list)")
    p.add_argument("--values", metavar="FILE", help="JSON values file: {genre, variant, year, values: {slot: text}}")
    p.add_argument("--docx", metavar="OUT", help="write the report as a .docx (GB/T 9704 body format) instead")
    p.add_argument("--list", action="store_true", help="list the report types, their variants and years")
    p.add_argument("--json", action="store_true", help="with --list: print [{genre, title, variants, years}]")
    p.set_defaults(func=_cmd_draft)

    p = sub.add_parser(
        "update", help="年度更新: what last year's report must change for a new year (or the updated .docx)",
        epilog=EPILOG)
    p.add_argument("file", help="last year's report: .docx, UTF-8 or GBK/GB18030 text")
    p.add_argument("--to", required=True, help="the new report year (e.g. 2026)")
    p.add_argument("--from", dest="from_year", help="the report's own year (default: from its title)")
    p.add_argument("--genre", help="report type slug (default: from the title)")
    p.add_argument("--json", action="store_true",
                   help='print {"genre", "from", "to", "parts": [{heading, section, start, end}], "changes": [...], "missing": [...]}')
    p.add_argument("--docx", metavar="OUT", help="also write the updated draft, each change highlighted for review")
    p.set_defaults(func=_cmd_update)
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
    except OSError as exc:  # the file system said no: bad input, named
        name = exc.filename if exc.filename is not None else "?"
        print(f"error: {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into one line
        where = "?"
        tb = exc.__traceback__
        while tb is not None:
            where = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
            tb = tb.tb_next
        print(f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())} (at {where}); "
              "please report it with the command you ran", file=sys.stderr)
        return EXIT_INTERNAL
