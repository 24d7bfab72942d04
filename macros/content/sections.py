"""Section templates: templates/sections/<slug>.yml (data) + <slug>.j2 (text).

A section template is written once. Its page, its filled examples, its Word
file and the drafting tools all call `render_variant` or `render_example`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2

from ..base import cache, paths
from ..base.errors import HandbookError
from ..base.fields import (
    check_keys,
    check_slug,
    load_yaml,
    lookup,
    require_mapping,
    require_str,
)
from ..base.text import tidy
from ..engine import render
from . import calendar
from .slots import ExampleSet, Slot, example_sets, slot_catalog


def _tidy_tree(value: Any) -> Any:
    """Page text from YAML: folded scalars (>) join lines with a space, which Chinese takes none of."""
    if isinstance(value, str):
        return tidy(value)
    if isinstance(value, list):
        return [_tidy_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _tidy_tree(v) for k, v in value.items()}
    return value


def default_year(root: Path = paths.TEMPLATES) -> int:
    """The report year a blank template shows: the latest the calendar covers."""
    return calendar.load_calendar(root).last_year


# ---------------------------------------------------------------------------
# The calendar as a template sees it: `cal`, computed for the render's year
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CampaignView:
    """The report year's campaign (集中性学习教育): it is 扎实开展 only in its own year."""
    id: str
    name: str                          # as written, quotation marks included
    slogans: tuple[str, ...]
    next_followups: tuple[str, ...]    # its forms in the next report year (a 下一步 part says them)


@dataclass(frozen=True)
class PlanView:
    id: str
    short: str        # 十四五 (a sentence writes “{{ short }}”规划)
    first_year: int
    last_year: int


@dataclass(frozen=True)
class YearView:
    """Everything year-dependent a template may say, for one report year (`cal` in templates).

    Templates branch on these facts, never on a year list of their own:
      cal.spirit / cal.spirit_all   党的二十大和二十届二中、三中全会精神 / …和二十届历次全会精神
      cal.congress                  the latest congress held by the end of the year (党的二十大)
      cal.spirit_before             only in a year a congress is held: the previous congress's spirit
      cal.campaign                  CampaignView or None
      cal.previous_campaign         the latest earlier campaign whose follow-ups are still current
      cal.followups                 follow-up forms of earlier campaigns current this year
      cal.followups_of[id]          the same, of one campaign (absent when none is current)
      cal.milestones                ids of the milestones current this year
      cal.next_milestones           ids of milestones of next year that a 下一步 part may already name
      cal.held                      ids of every event started by 31 December (documents, plenums …)
      cal.plan / cal.next_plan      the five-year plan in force this year / next year
    """
    year: int
    spirit: str
    spirit_all: str
    congress: str
    spirit_before: str | None
    campaign: CampaignView | None
    previous_campaign: CampaignView | None
    followups: tuple[str, ...]
    followups_of: dict[str, tuple[str, ...]]
    milestones: frozenset[str]
    next_milestones: frozenset[str]
    held: frozenset[str]
    plan: PlanView
    next_plan: PlanView


def _collapse(wordings: list[str]) -> tuple[str, ...]:
    """Follow-up wordings less their alternatives: 巩固深化… and 巩固拓展… of the same
    campaign are two ways of saying one thing (the first listed is kept)."""
    out: list[str] = []
    seen: set[str] = set()
    for w in wordings:
        key = w.replace("巩固深化", "巩固拓展")
        if key not in seen:
            seen.add(key)
            out.append(w)
    return tuple(out)


def _plan_view(cal: calendar.Calendar, year: int) -> PlanView:
    for e in cal.events("plan"):
        last = e.end.year if e.end else year
        if e.start.year <= year <= last:
            return PlanView(e.id, e.short, e.start.year, last)
    raise HandbookError(cal.where, f"no five-year plan in force in {year}", "events")


@cache.per_root
def _year_views(root: Path = paths.TEMPLATES) -> dict[int, YearView]:
    cal = calendar.load_calendar(root)
    return {year: _year_view(cal, year) for year in cal.years}


def _year_view(cal: calendar.Calendar, year: int) -> YearView:
    held = cal.held_by(year)
    congress = [e for e in held if e.kind == "congress"][-1]
    spirit_before = None
    if congress.start.year == year and cal.covers(year - 1):
        spirit_before = cal.spirit(year - 1, "all")
    def view(event: calendar.Event) -> CampaignView:
        return CampaignView(event.id, event.name, event.slogans,
                            _collapse([f.wording for f in event.followups if f.valid_in(event.start.year + 1)]))

    event = cal.campaign(year)
    campaign = view(event) if event is not None else None
    followups_of: dict[str, tuple[str, ...]] = {}
    previous = None
    for e in cal.events("campaign"):
        current = [f.wording for f in e.followups if e.start.year < year and f.valid_in(year)]
        if current:
            followups_of[e.id] = _collapse(current)
            previous = view(e)
    next_milestones = frozenset(
        e.id for e in cal.events("milestone")
        if e.start.year == year + 1 and (e.named_from if e.named_from is not None else e.start.year) <= year)
    return YearView(
        year=year,
        spirit=cal.spirit(year), spirit_all=cal.spirit(year, "all"),
        congress=congress.label, spirit_before=spirit_before,
        campaign=campaign, previous_campaign=previous,
        followups=tuple(w for ws in followups_of.values() for w in ws),
        followups_of=followups_of,
        milestones=frozenset(e.id for e in cal.milestones(year)),
        next_milestones=next_milestones,
        held=frozenset(e.id for e in held),
        plan=_plan_view(cal, year), next_plan=_plan_view(cal, year + 1),
    )


def year_view(year: int, root: Path = paths.TEMPLATES, where: str = "") -> YearView:
    """`cal` for a report year; a year the calendar does not cover is a one-line error."""
    views = _year_views(root)
    if year not in views:
        calendar.load_calendar(root).require_year(year, where or calendar.FILE)
    return views[year]


@dataclass(frozen=True)
class Move:
    id: str
    label: str
    does: str


@dataclass(frozen=True)
class Variant:
    id: str
    label: str
    year: int
    # The other voices this wording is right for: a report written in one of them
    # uses this variant (genres.section_variant), and their example sets are shown
    # in it (e.g. a 主要负责人's draft and example in the "secretary" wording).
    serves: tuple[str, ...] = ()


@dataclass
class SectionTemplate:
    slug: str
    title: str
    order: int
    summary: str
    moves: list[Move]
    variants: list[Variant]
    slots: list[Slot]
    examples: list[str]
    meta: dict[str, Any] = field(default_factory=dict)  # the rest, for pages
    source_path: Path = paths.SECTIONS
    root: Path = paths.TEMPLATES  # the templates/ folder it was loaded from
    template: jinja2.Template | None = None
    year_cuts: tuple[int, ...] | None = None  # see render.Compiled
    # Renders are pure functions of (kind, variant, year/set): the validation
    # step, the pages, the Word files and the tools share them within a build.
    renders: dict[tuple[str, str, int | str], tuple[render.Paragraph, ...]] = field(
        default_factory=dict, repr=False, compare=False)

    @property
    def where(self) -> str:
        return paths.rel(self.source_path)

    def move_label(self, move_id: str) -> str:
        for mv in self.moves:
            if mv.id == move_id:
                return mv.label
        raise HandbookError(self.where, f"unknown move {move_id!r}", "moves")

    def variant(self, variant_id: str | None) -> Variant:
        if variant_id is None:
            return self.variants[0]
        for v in self.variants:
            if v.id == variant_id:
                return v
        known = ", ".join(v.id for v in self.variants)
        raise HandbookError(self.where, f"unknown variant {variant_id!r} (known: {known})", "variants")


_ENV = render.make_environment(jinja2.FileSystemLoader(str(paths.SECTIONS)))


def _context(tpl: SectionTemplate, variant: Variant, year: int, values: dict[str, str]) -> dict[str, Any]:
    move_ids = {m.id for m in tpl.moves}

    def move(move_id: str) -> str:
        if move_id not in move_ids:
            raise HandbookError(tpl.where, f"move({move_id!r}) is not declared under moves", "moves")
        return render.move_marker(move_id)

    def since(first_year: int) -> bool:
        return year >= first_year

    ctx: dict[str, Any] = {
        "hint": render.hint, "move": move, "since": since, "variant": variant.id, "report_year": year,
        "cal": year_view(year, tpl.root, tpl.where),
    }
    ctx.update(values)
    return ctx


def _run(tpl: SectionTemplate, ctx: dict[str, Any], what: str) -> list[render.Paragraph]:
    assert tpl.template is not None
    try:
        marked = tpl.template.render(**ctx)
    except HandbookError:
        raise
    except jinja2.UndefinedError as exc:
        raise HandbookError(tpl.where.replace(".yml", ".j2"), f"{what}: {exc.message}") from None
    except (jinja2.TemplateError, TypeError, ValueError) as exc:
        raise HandbookError(tpl.where.replace(".yml", ".j2"), f"{what}: {exc}") from None
    return render.parse(marked)


def _memo(tpl: SectionTemplate, key: tuple[str, str, int | str],
          make: Callable[[], list[render.Paragraph]]) -> list[render.Paragraph]:
    """A render of this template, made once per build (a fresh list each call;
    the paragraphs themselves are shared and must not be changed)."""
    hit = tpl.renders.get(key)
    if hit is None:
        hit = tpl.renders[key] = tuple(make())
    return list(hit)


def render_variant(tpl: SectionTemplate, variant_id: str | None = None,
                   year: int | None = None) -> list[render.Paragraph]:
    """The template as a writer sees it: slots blank, instructions shown, in the
    wording of `year` (default: the variant's year, the calendar's latest)."""
    variant = tpl.variant(variant_id)
    year = variant.year if year is None else year

    def make() -> list[render.Paragraph]:
        values = {s.name: render.slot_label(s.label) for s in tpl.slots}
        return _run(tpl, _context(tpl, variant, year, values), f"variant {variant.id!r}, year {year}")

    return _memo(tpl, ("variant", variant.id, year), make)


@dataclass(frozen=True)
class Era:
    """Report years whose blank template reads the same (consecutive, latest era first)."""
    years: tuple[int, ...]
    paragraphs: tuple[render.Paragraph, ...]

    @property
    def label(self) -> str:
        first, last = self.years[0], self.years[-1]
        return f"{first}年度" if first == last else f"{first}—{last}年度"


def eras(tpl: SectionTemplate, variant_id: str | None = None) -> list[Era]:
    """The calendar's years grouped into runs of identical wording, latest first: what a
    section page offers in its year switch. Compared by rendering, so no branch is missed."""
    variant = tpl.variant(variant_id)
    runs: list[tuple[list[int], Any, list[render.Paragraph]]] = []
    for year in calendar.load_calendar(tpl.root).years:
        paras = render_variant(tpl, variant.id, year)
        key = tuple((p.move, tuple(p.segments)) for p in paras)
        if runs and runs[-1][1] == key:
            runs[-1][0].append(year)
        else:
            runs.append(([year], key, paras))
    return [Era(tuple(years), tuple(paras)) for years, _, paras in reversed(runs)]


def render_for_tool(tpl: SectionTemplate, variant_id: str, year: int) -> list[render.Paragraph]:
    """The template for the drafting tool: one report year, every slot left blank
    as a marker that carries the slot's NAME (the tool fills it in the browser)."""
    variant = tpl.variant(variant_id)

    def make() -> list[render.Paragraph]:
        values = {s.name: render.slot_label(s.name) for s in tpl.slots}
        return _run(tpl, _context(tpl, variant, year, values), f"variant {variant.id!r}, year {year}")

    # Years on the same side of every cut render the same text: one render each.
    era: int | str = year if tpl.year_cuts is None else "".join("1" if year >= c else "0" for c in tpl.year_cuts)
    return _memo(tpl, ("tool", variant.id, era), make)


def render_example(tpl: SectionTemplate, set_slug: str) -> list[render.Paragraph]:
    """The template filled with an example value set; values stay marked."""

    def make() -> list[render.Paragraph]:
        sets = example_sets(tpl.root)
        if set_slug not in sets:
            raise HandbookError(tpl.where, f"unknown example set {set_slug!r} (see templates/examples.yml)",
                                "examples")
        ex: ExampleSet = sets[set_slug]
        values: dict[str, str] = {}
        for slot in tpl.slots:
            if slot.name not in ex.values:
                raise HandbookError(tpl.where, f"example set {set_slug!r} has no value for slot {slot.name!r}",
                                    f"examples.{set_slug}")
            values[slot.name] = render.filled(ex.values[slot.name])
        year = ex.values.get("year", default_year(tpl.root))
        return _run(tpl, _context(tpl, variant_for(tpl, ex), year, values), f"example set {set_slug!r}")

    return _memo(tpl, ("example", set_slug, 0), make)


def variant_for(tpl: SectionTemplate, ex: ExampleSet) -> Variant:
    """The variant an example set is shown in: its own, one that serves it, or
    the only one. Never a silent guess: a team's facts in the individual
    wording would read wrong."""
    for v in tpl.variants:
        if v.id == ex.variant:
            return v
    for v in tpl.variants:
        if ex.variant in v.serves:
            return v
    if len(tpl.variants) == 1:
        return tpl.variants[0]
    known = ", ".join(v.id for v in tpl.variants)
    raise HandbookError(tpl.where, f"example set {ex.slug!r} is a {ex.variant!r} example but no variant "
                        f"is or serves {ex.variant!r} (variants: {known})", "variants")


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

_FIELDS = {"title", "order", "summary", "moves", "variants", "slots", "examples",
           "purpose", "annotations", "phrases", "when", "tips"}


def load_section(path: Path, root: Path = paths.TEMPLATES) -> SectionTemplate:
    where = paths.rel(path)
    slug = check_slug(path.stem, where, "file name")
    raw = require_mapping(load_yaml(path), where)
    check_keys(raw, _FIELDS, where)
    catalog = slot_catalog(root)

    moves = []
    for i, mv in enumerate(raw.get("moves") or []):
        mv = require_mapping(mv, where, f"moves[{i}]")
        moves.append(Move(require_str(mv, "id", where, prefix=f"moves[{i}]."),
                          require_str(mv, "label", where, prefix=f"moves[{i}]."),
                          require_str(mv, "does", where, prefix=f"moves[{i}].")))
    if not moves:
        raise HandbookError(where, "a section template needs at least one move", "moves")

    variants = []
    for i, v in enumerate(raw.get("variants") or [{"id": "default", "label": "通用"}]):
        v = require_mapping(v, where, f"variants[{i}]")
        year = v.get("year", default_year(root))
        if not isinstance(year, int):
            raise HandbookError(where, f"expected a year, got {year!r}", f"variants[{i}].year")
        check_keys(v, {"id", "label", "year", "serves"}, where, f"variants[{i}].")
        serves = v.get("serves") or []
        if not isinstance(serves, list) or not all(isinstance(x, str) and x for x in serves):
            raise HandbookError(where, "expected a list of variant ids", f"variants[{i}].serves")
        variants.append(Variant(require_str(v, "id", where, prefix=f"variants[{i}]."),
                                require_str(v, "label", where, prefix=f"variants[{i}]."), year, tuple(serves)))

    slot_names = raw.get("slots") or []
    if not isinstance(slot_names, list):
        raise HandbookError(where, "expected a list of slot names", "slots")
    slots = []
    for name in slot_names:
        if name not in catalog:
            raise HandbookError(where, f"unknown slot {name!r} (not in templates/slots.yml)", "slots")
        slots.append(catalog[name])

    examples = raw.get("examples") or []
    known_sets = example_sets(root)
    for set_slug in examples:
        if set_slug not in known_sets:
            raise HandbookError(where, f"unknown example set {set_slug!r} (see templates/examples.yml)", "examples")

    _check_page_fields(raw, moves, where)

    order = raw.get("order", 999)
    if not isinstance(order, int):
        raise HandbookError(where, f"expected a whole number, got {order!r}", "order")

    tpl = SectionTemplate(
        slug=slug,
        title=require_str(raw, "title", where),
        order=order,
        summary=tidy(require_str(raw, "summary", where)),
        moves=moves,
        variants=variants,
        slots=slots,
        examples=list(examples),
        meta=_tidy_tree({k: v for k, v in raw.items() if k not in {"title", "order", "summary", "moves", "variants", "slots", "examples"}}),
        source_path=path,
        root=root,
    )

    text_path = path.with_suffix(".j2")
    text_where = paths.rel(text_path)
    if not text_path.exists():
        raise HandbookError(text_where, "template text file is missing (every <slug>.yml needs a <slug>.j2)")
    source = text_path.read_text(encoding="utf-8")
    try:
        compiled = render.compile_checked(_ENV, source, text_where)
        tpl.template, used, tpl.year_cuts = compiled.template, compiled.names, compiled.year_cuts
    except jinja2.TemplateSyntaxError as exc:
        raise HandbookError(f"{text_where}:{exc.lineno}", f"Jinja syntax error: {exc.message}") from None
    declared = {s.name for s in slots}
    undeclared = sorted(used - declared - render.RESERVED)
    if undeclared:
        raise HandbookError(text_where, f"uses slot {undeclared[0]!r} that {path.name} does not declare under slots")
    unused = sorted(declared - used)
    if unused:
        raise HandbookError(where, f"declares slot {unused[0]!r} that {text_path.name} never uses", "slots")
    return tpl


def _check_page_fields(raw: dict[str, Any], moves: list[Move], where: str) -> None:
    """The page-only fields: purpose, annotations (one per move), tips. (Which report types use a
    section is read from their skeletons, templates/genres/*.yml: no list here to disagree with them.)"""
    if "purpose" in raw:
        require_str(raw, "purpose", where)
    tips = raw.get("tips", [])
    if not isinstance(tips, list) or not all(isinstance(t, str) and t.strip() for t in tips):
        raise HandbookError(where, "expected a list of non-empty texts", "tips")
    if "annotations" not in raw:
        return
    notes = require_mapping(raw["annotations"], where, "annotations")
    move_ids = [m.id for m in moves]
    for move_id, note in notes.items():
        if move_id not in move_ids:
            raise HandbookError(where, f"annotation for undeclared move {move_id!r}", f"annotations.{move_id}")
        note = require_mapping(note, where, f"annotations.{move_id}")
        check_keys(note, {"why", "pitfalls"}, where, f"annotations.{move_id}.")
        require_str(note, "why", where, prefix=f"annotations.{move_id}.")
        pitfalls = note.get("pitfalls", [])
        if not isinstance(pitfalls, list) or not all(isinstance(t, str) and t.strip() for t in pitfalls):
            raise HandbookError(where, "expected a list of non-empty texts", f"annotations.{move_id}.pitfalls")
    missing = [m for m in move_ids if m not in notes]
    if missing:
        raise HandbookError(where, f"move {missing[0]!r} has no annotation", "annotations")


@cache.per_root
def all_sections(root: Path = paths.TEMPLATES) -> dict[str, SectionTemplate]:
    """Every section template, in reading order."""
    folder = root / "sections"
    found = [load_section(p, root) for p in sorted(folder.glob("*.yml"))]
    for j2 in sorted(folder.glob("*.j2")):
        if not j2.with_suffix(".yml").exists():
            raise HandbookError(paths.rel(j2), "template text without its data file (<slug>.yml)")
    found.sort(key=lambda t: (t.order, t.slug))
    return {t.slug: t for t in found}


def get_section(slug: str) -> SectionTemplate:
    return lookup(all_sections(), slug, "templates/sections", "section template")
