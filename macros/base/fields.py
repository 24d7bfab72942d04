"""Reading YAML and checking its fields: every problem one line naming the file and the field."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping, TypeVar

from . import paths
from .errors import HandbookError

T = TypeVar("T")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_YEAR, MAX_YEAR = 2012, 2100


# ---------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------

def load_yaml(path: Path) -> Any:
    """Parse one YAML file; any problem becomes a one-line error naming it."""
    where = paths.rel(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandbookError(where, "file not found") from None
    except UnicodeDecodeError as exc:
        raise HandbookError(where, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    # Imported here, not at the top: PyYAML takes 40 ms to import, and the checker
    # command reads its built rules (JSON) without parsing any YAML.
    import yaml
    # libyaml's C parser when the wheel has it: sample files make YAML parsing a
    # large share of a build with many samples. Same safe semantics.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise HandbookError(where, f"invalid YAML{at}: {problem}") from None


def require_mapping(value: Any, where: str, field_name: str | None = None) -> dict:
    if not isinstance(value, dict):
        raise HandbookError(where, f"expected a mapping, got {type(value).__name__}", field_name)
    return value


def require_str(mapping: dict, key: str, where: str, *, optional: bool = False, prefix: str = "") -> str:
    name = f"{prefix}{key}"
    if key not in mapping or mapping[key] is None:
        if optional:
            return ""
        raise HandbookError(where, "required field is missing", name)
    value = mapping[key]
    if not isinstance(value, str) or not value.strip():
        raise HandbookError(where, f"must be non-empty text, got {value!r}", name)
    return value.strip()


def check_keys(mapping: dict, allowed: set[str], where: str, prefix: str = "") -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise HandbookError(where, f"unknown field (allowed: {', '.join(sorted(allowed))})", f"{prefix}{unknown[0]}")


def lookup(items: Mapping[str, T], key: str, where: str, what: str, *, list_known: bool = True) -> T:
    """items[key], or a one-line error naming what is unknown (and what is known)."""
    if key not in items:
        known = f" (known: {', '.join(items)})" if list_known else ""
        raise HandbookError(where, f"unknown {what} {key!r}{known}")
    return items[key]


def check_slug(slug: str, where: str, field_name: str = "slug") -> str:
    if not isinstance(slug, str) or not SLUG_RE.fullmatch(slug):
        raise HandbookError(where, f"{slug!r} is not a slug (lower-case ASCII words joined by '-')", field_name)
    return slug
