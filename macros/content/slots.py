"""The slot catalog (templates/slots.yml) and the example value sets (templates/examples.yml)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base import cache, paths
from ..base.errors import HandbookError
from ..base.fields import (
    MAX_YEAR,
    MIN_YEAR,
    check_keys,
    check_slug,
    load_yaml,
    require_mapping,
    require_str,
)

SLOT_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
SLOT_TYPES = ("text", "year", "count", "choice")


# ---------------------------------------------------------------------------
# Slots: the catalog of values a template asks the writer for
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    name: str
    label: str
    type: str
    hint: str
    example: Any
    choices: tuple[str, ...] = ()

    def check(self, value: Any) -> str | None:
        """Return what is wrong with a value for this slot, or None."""
        if self.type == "year":
            if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
                return f"expected a year ({MIN_YEAR}–{MAX_YEAR}), got {value!r}"
        elif self.type == "count":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                return f"expected a whole number ≥ 0, got {value!r}"
        elif self.type == "choice":
            if value not in self.choices:
                return f"expected one of {'/'.join(self.choices)}, got {value!r}"
        elif not isinstance(value, str) or not value.strip():
            return f"expected non-empty text, got {value!r}"
        return None


def parse_slots(raw: Any, where: str) -> dict[str, Slot]:
    raw = require_mapping(raw, where)
    slots: dict[str, Slot] = {}
    for name, spec in raw.items():
        if not isinstance(name, str) or not SLOT_NAME_RE.match(name):
            raise HandbookError(where, "slot names are lower-case ASCII identifiers", str(name))
        spec = require_mapping(spec, where, name)
        check_keys(spec, {"label", "type", "hint", "example", "choices"}, where, f"{name}.")
        slot_type = spec.get("type", "text")
        if slot_type not in SLOT_TYPES:
            raise HandbookError(where, f"unknown type {slot_type!r} (one of {', '.join(SLOT_TYPES)})", f"{name}.type")
        choices = tuple(spec.get("choices") or ())
        if slot_type == "choice" and not choices:
            raise HandbookError(where, "a choice slot needs a list of choices", f"{name}.choices")
        slot = Slot(
            name=name,
            label=require_str(spec, "label", where, prefix=f"{name}."),
            type=slot_type,
            hint=require_str(spec, "hint", where, prefix=f"{name}."),
            example=spec.get("example"),
            choices=choices,
        )
        if slot.example is None:
            raise HandbookError(where, "required field is missing", f"{name}.example")
        problem = slot.check(slot.example)
        if problem:
            raise HandbookError(where, problem, f"{name}.example")
        slots[name] = slot
    return slots


@cache.per_root
def slot_catalog(root: Path = paths.TEMPLATES) -> dict[str, Slot]:
    path = root / "slots.yml"
    return parse_slots(load_yaml(path), paths.rel(path))


# ---------------------------------------------------------------------------
# Example value sets: fictional units whose facts fill the templates
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ExampleSet:
    slug: str
    title: str
    variant: str
    values: dict[str, Any] = field(hash=False)


@cache.per_root
def example_sets(root: Path = paths.TEMPLATES) -> dict[str, ExampleSet]:
    path = root / "examples.yml"
    where = paths.rel(path)
    catalog = slot_catalog(root)
    raw = require_mapping(load_yaml(path), where)
    sets: dict[str, ExampleSet] = {}
    for slug, spec in raw.items():
        check_slug(slug, where, str(slug))
        spec = require_mapping(spec, where, slug)
        check_keys(spec, {"title", "variant", "values"}, where, f"{slug}.")
        values = require_mapping(spec.get("values"), where, f"{slug}.values")
        for name, value in values.items():
            if name not in catalog:
                raise HandbookError(where, f"unknown slot {name!r} (not in templates/slots.yml)", f"{slug}.values.{name}")
            problem = catalog[name].check(value)
            if problem:
                raise HandbookError(where, problem, f"{slug}.values.{name}")
        sets[slug] = ExampleSet(
            slug=slug,
            title=require_str(spec, "title", where, prefix=f"{slug}."),
            variant=require_str(spec, "variant", where, prefix=f"{slug}."),
            values=dict(values),
        )
    return sets
