"""The handbook's one calendar of dated events (templates/calendar.yml).

Whether a formulation (提法) is right depends on the REPORT year, not on today:
the spirit to study, the year's campaign and its later follow-up forms, the
five-year plan, the milestones and the current revision of a document all
follow from the dates here. Templates, the drafting tool and the checker ask
this module instead of keeping their own year lists. Nothing here knows MkDocs.
"""
from __future__ import annotations

import datetime
import re
from calendar import monthrange
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..base import cache, paths
from ..base.errors import HandbookError
from ..base.fields import MAX_YEAR, MIN_YEAR, check_keys, check_slug, load_yaml, lookup, require_mapping, require_str

FILE = "calendar.yml"
KINDS = ("congress", "plenum", "ccdi-plenum", "campaign", "document", "plan", "milestone")
# Chinese ordinals of plenums (一中 … 十中): the spirit line spells them.
_ORDINALS = "一二三四五六七八九十"

_COMMON = {"id", "kind", "name", "short", "variants", "start", "end", "theme", "slogans", "source",
           "uncertain", "named_from"}
_BY_KIND = {
    "congress": {"session"},
    "plenum": {"number"},
    "ccdi-plenum": set(),
    "campaign": {"followups"},
    "document": {"revisions", "published"},
    "plan": set(),
    "milestone": {"until_year", "replaced_by"},
}
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_EARLIEST = 1921  # documents and congresses before the covered years are dated too


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class When:
    """A published date, known to the day or only to the month (never a guessed day)."""
    year: int
    month: int
    day: int | None = None

    @property
    def precision(self) -> Literal["day", "month"]:
        return "month" if self.day is None else "day"

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day or 1)

    @property
    def last(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day or monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + ("" if self.day is None else f"-{self.day:02d}")


@dataclass(frozen=True)
class Followup:
    """A later report year's wording for a finished campaign (e.g. 巩固拓展主题教育成果)."""
    from_year: int
    until_year: int | None
    wording: str

    def valid_in(self, year: int) -> bool:
        return self.from_year <= year and (self.until_year is None or year <= self.until_year)


@dataclass(frozen=True)
class Revision:
    """A document's revision; `in_force` decides from which report year it is the one to cite."""
    date: When
    note: str
    in_force: When | None = None

    @property
    def effective_year(self) -> int:
        return (self.in_force or self.date).year


@dataclass(frozen=True)
class Event:
    """One dated thing; the kind-specific fields are empty for other kinds."""
    id: str
    kind: str
    name: str
    short: str
    variants: tuple[str, ...]
    start: When
    end: When | None
    theme: str
    slogans: tuple[str, ...]
    source: str
    uncertain: str
    named_from: int | None = None
    session: str = ""                       # congress: 十九届 …
    number: int | None = None               # plenum: 1 = 一中
    followups: tuple[Followup, ...] = ()    # campaign
    revisions: tuple[Revision, ...] = ()    # document
    published: When | None = None           # document
    until_year: int | None = None           # milestone
    replaced_by: str = ""                   # milestone

    @property
    def label(self) -> str:
        """The form a sentence uses: the short form when there is one."""
        return self.short or self.name

    @property
    def wordings(self) -> tuple[tuple[str, str], ...]:
        """(field, wording) for the name, the short form and each variant."""
        out = [("name", self.name)] + ([("short", self.short)] if self.short else [])
        return tuple(out + [(f"variants[{i}]", v) for i, v in enumerate(self.variants)])


# ---------------------------------------------------------------------------
# The calendar and its questions
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Calendar:
    where: str
    first_year: int
    last_year: int
    all_events: tuple[Event, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """The report years the handbook covers."""
        return tuple(range(self.first_year, self.last_year + 1))

    def covers(self, year: Any) -> bool:
        return isinstance(year, int) and not isinstance(year, bool) and self.first_year <= year <= self.last_year

    def require_year(self, year: Any, where: str) -> int:
        """The year, or a one-line error naming `where`: the calendar cannot answer for other years
        (a 2027 report would need 2027's events, e.g. the next congress)."""
        if not self.covers(year):
            raise HandbookError(where, f"report year {year!r} is not covered by {self.where} "
                                       f"(covered: {self.first_year}–{self.last_year})")
        return year

    def _year(self, year: Any) -> int:
        return self.require_year(year, self.where)

    def event(self, event_id: str) -> Event:
        return lookup({e.id: e for e in self.all_events}, event_id, self.where, "event", list_known=False)

    def events(self, kind: str | None = None) -> list[Event]:
        """Events in date order, all or of one kind."""
        if kind is not None and kind not in KINDS:
            raise HandbookError(self.where, f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        return [e for e in self.all_events if kind is None or e.kind == kind]

    def held_by(self, year: int) -> list[Event]:
        """Events that had started by 31 December of the report year."""
        self._year(year)
        return [e for e in self.all_events if e.start.year <= year]

    # -- the spirit to study ------------------------------------------------

    def _congress_of(self, when: When) -> Event | None:
        before = [c for c in self.events("congress") if c.start.first <= when.first]
        return before[-1] if before else None

    def spirit(self, year: int, form: Literal["enumerated", "all"] = "enumerated") -> str:
        """The spirit line of a report of `year`: the latest congress held by the end of the year and
        its plenums held by then, less the first (it only elects the leadership). A congress held in
        the year supersedes the previous one. form "all" says 历次全会 instead of listing them."""
        self._year(year)
        if form not in ("enumerated", "all"):
            raise HandbookError(self.where, f"unknown spirit form {form!r} (enumerated or all)")
        held = self.held_by(year)
        congresses = [e for e in held if e.kind == "congress"]
        if not congresses:
            raise HandbookError(self.where, f"no congress held by the end of {year}", "events")
        congress = congresses[-1]
        plenums = [e for e in held if e.kind == "plenum" and self._congress_of(e.start) is congress
                   and e.number != 1]
        if not plenums:
            return f"{congress.short}精神"
        if form == "all":
            return f"{congress.short}和{congress.session}历次全会精神"
        listed = "、".join(f"{_ORDINALS[p.number - 1]}中" for p in plenums)
        return f"{congress.short}和{congress.session}{listed}全会精神"

    # -- campaigns, milestones, plans ---------------------------------------

    def campaign(self, year: int) -> Event | None:
        """The campaign of that report year (at most one a year; it is 扎实开展 only then)."""
        self._year(year)
        found = [e for e in self.events("campaign") if e.start.year == year]
        return found[0] if found else None

    def followups(self, year: int) -> list[str]:
        """Follow-up wordings of earlier campaigns current in that year. A 下一步 part of year Y may
        already use those of Y + 1 (stale_terms allows them from the campaign's own year)."""
        self._year(year)
        return [f.wording for e in self.events("campaign") if e.start.year < year
                for f in e.followups if f.valid_in(year)]

    def milestones(self, year: int) -> list[Event]:
        """Milestones current in that year: from the start year to until_year, else to the end
        year, else open-ended."""
        self._year(year)
        return [e for e in self.events("milestone") if e.start.year <= year <= (_last_year(e) or MAX_YEAR)]

    def plan(self, year: int) -> Event:
        """The five-year plan in force in that year."""
        self._year(year)
        for e in self.events("plan"):
            if e.start.year <= year <= (e.end.year if e.end else MAX_YEAR):
                return e
        raise HandbookError(self.where, f"no five-year plan in force in {year}", "events")

    # -- for the checker ------------------------------------------------------

    def stale_terms(self) -> list[dict[str, Any]]:
        """One row per wording: {phrase, event, kind, field, valid_from, valid_until, replacement}.

        valid_from is the first report year the wording can be named: `named_from` when given,
        else the start year; a CCDI plenum one year earlier (held in January, when the previous
        year's reports are written); a campaign's follow-up its campaign's year (that year's
        下一步 may say it); a revision citation its revision year.
        valid_until is the last report year it is current (None: no end):
          congress, plenum — the year of the next congress (the spirit to study until then);
          ccdi-plenum — its own year; campaign — its own year, its slogans while any follow-up
          is current (None when one is open-ended or there are none); follow-up — until_year;
          plan — its end year; milestone — until_year, else its end year;
          document — its name never; "2018年修订的《…》" until the year before the next revision
          takes effect.
        replacement is what to write after valid_until: the next congress / CCDI plenum / plan,
        the campaign's first follow-up of the next year, a milestone's replaced_by, the next
        revision's citation; None when nothing replaces it.
        """
        rows: list[dict[str, Any]] = []

        def row(e: Event, field: str, phrase: str, valid_from: int, valid_until: int | None,
                replacement: str | None) -> None:
            rows.append({"phrase": phrase, "event": e.id, "kind": e.kind, "field": field,
                         "valid_from": valid_from, "valid_until": valid_until, "replacement": replacement})

        def after(e: Event) -> Event | None:
            later = [x for x in self.events(e.kind) if x.start.first > e.start.first]
            return later[0] if later else None

        for e in self.all_events:
            valid_from = e.named_from if e.named_from is not None else e.start.year
            until: int | None = None
            replacement: str | None = None
            nxt = after(e) if e.kind in ("ccdi-plenum", "plan") else None
            if e.kind in ("congress", "plenum"):
                congress = e if e.kind == "congress" else self._congress_of(e.start)
                next_congress = after(congress) if congress else None
                if next_congress:
                    until, replacement = next_congress.start.year, next_congress.label
            elif e.kind == "ccdi-plenum":
                valid_from = e.named_from if e.named_from is not None else e.start.year - 1
                until, replacement = (e.start.year, nxt.label) if nxt else (None, None)
            elif e.kind == "campaign":
                until = e.start.year
                first = [f.wording for f in e.followups if f.valid_in(e.start.year + 1)]
                replacement = first[0] if first else None
            elif e.kind == "plan":
                until = e.end.year if e.end else None
                replacement = nxt.label if nxt else None
            elif e.kind == "milestone":
                until = _last_year(e)
                replacement = self.event(e.replaced_by).label if e.replaced_by else None
            for field, phrase in e.wordings:
                row(e, field, phrase, valid_from, until, replacement)
            if e.kind == "campaign":
                ends = [f.until_year for f in e.followups]
                slogans_until = max(ends) if ends and None not in ends else None  # type: ignore[type-var]
                for i, slogan in enumerate(e.slogans):
                    row(e, f"slogans[{i}]", slogan, e.start.year, slogans_until, None)
                for i, f in enumerate(e.followups):
                    row(e, f"followups[{i}].wording", f.wording, e.start.year, f.until_year, None)
            for i, rev in enumerate(e.revisions):
                nxt_rev = e.revisions[i + 1] if i + 1 < len(e.revisions) else None
                rev_until = nxt_rev.effective_year - 1 if nxt_rev else None
                rev_replacement = _revision_forms(e.name, nxt_rev.date.year)[0] if nxt_rev else None
                for form in _revision_forms(e.name, rev.date.year):
                    row(e, f"revisions[{i}]", form, rev.date.year, rev_until, rev_replacement)
        return rows


def _last_year(e: Event) -> int | None:
    """The last report year a milestone is current; None: open-ended."""
    if e.until_year is not None:
        return e.until_year
    return e.end.year if e.end else None


def _revision_forms(name: str, year: int) -> tuple[str, str]:
    """How a report cites one revision of a document."""
    return f"{year}年修订的《{name}》", f"《{name}》（{year}年修订）"


# ---------------------------------------------------------------------------
# Loading and validating
# ---------------------------------------------------------------------------

def _date(value: Any, where: str, field: str) -> When:
    """"YYYY-MM-DD" or "YYYY-MM" (an unquoted YAML date is read as a day)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()
    m = _DATE_RE.match(value) if isinstance(value, str) else None
    if m and _EARLIEST <= int(m.group(1)) <= MAX_YEAR:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None
        try:
            datetime.date(year, month, day or 1)
        except ValueError:
            pass
        else:
            return When(year, month, day)
    raise HandbookError(where, f"bad date {value!r} (expected \"YYYY-MM-DD\" or \"YYYY-MM\")", field)


def _int(value: Any, where: str, field: str, low: int, high: int, what: str = "a year") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise HandbookError(where, f"expected {what} ({low}–{high}), got {value!r}", field)
    return value


def _texts(spec: dict, key: str, where: str, prefix: str) -> tuple[str, ...]:
    value = spec.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise HandbookError(where, f"expected a list of text, got {type(value).__name__}", f"{prefix}{key}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise HandbookError(where, f"must be non-empty text, got {item!r}", f"{prefix}{key}[{i}]")
    return tuple(item.strip() for item in value)


def _list_of_mappings(spec: dict, key: str, where: str, prefix: str) -> list[dict]:
    value = spec.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise HandbookError(where, f"expected a list, got {type(value).__name__}", f"{prefix}{key}")
    return [require_mapping(item, where, f"{prefix}{key}[{i}]") for i, item in enumerate(value)]


def _followups(spec: dict, where: str, p: str, start: When, first: int, last: int) -> tuple[Followup, ...]:
    out = []
    for i, raw in enumerate(_list_of_mappings(spec, "followups", where, p)):
        fp = f"{p}followups[{i}]."
        check_keys(raw, {"from_year", "until_year", "wording"}, where, fp)
        if raw.get("from_year") is None:
            raise HandbookError(where, "required field is missing", f"{fp}from_year")
        from_year = _int(raw["from_year"], where, f"{fp}from_year", first, last, "a year of the calendar")
        if from_year <= start.year:
            raise HandbookError(where, f"a follow-up starts after its campaign's year {start.year}, got {from_year}",
                                f"{fp}from_year")
        until = raw.get("until_year")
        if until is not None:
            until = _int(until, where, f"{fp}until_year", from_year, last, "a year of the calendar from from_year")
        out.append(Followup(from_year, until, require_str(raw, "wording", where, prefix=fp)))
    return tuple(out)


def _revisions(spec: dict, where: str, p: str, start: When) -> tuple[Revision, ...]:
    out: list[Revision] = []
    for i, raw in enumerate(_list_of_mappings(spec, "revisions", where, p)):
        rp = f"{p}revisions[{i}]."
        check_keys(raw, {"date", "note", "in_force"}, where, rp)
        if raw.get("date") is None:
            raise HandbookError(where, "required field is missing", f"{rp}date")
        date = _date(raw["date"], where, f"{rp}date")
        previous = out[-1].date if out else start
        if date.last <= previous.last:
            raise HandbookError(where, f"{date} is not after {previous} (revisions in date order, after start)",
                                f"{rp}date")
        in_force = _date(raw["in_force"], where, f"{rp}in_force") if raw.get("in_force") is not None else None
        if in_force and in_force.last < date.first:
            raise HandbookError(where, f"{in_force} is before the revision date {date}", f"{rp}in_force")
        out.append(Revision(date, require_str(raw, "note", where, prefix=rp), in_force))
    return tuple(out)


def _event(spec: Any, where: str, i: int, first: int, last: int) -> Event:
    p = f"events[{i}]."
    spec = require_mapping(spec, where, f"events[{i}]")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise HandbookError(where, f"unknown kind {kind!r} (one of {', '.join(KINDS)})", f"{p}kind")
    check_keys(spec, _COMMON | _BY_KIND[kind], where, p)
    event_id = check_slug(spec.get("id"), where, f"{p}id")
    if spec.get("start") is None:
        raise HandbookError(where, "required field is missing", f"{p}start")
    start = _date(spec["start"], where, f"{p}start")
    end = _date(spec["end"], where, f"{p}end") if spec.get("end") is not None else None
    if end and end.last < start.first:
        raise HandbookError(where, f"end {end} is before start {start}", f"{p}end")
    named_from = spec.get("named_from")
    if named_from is not None:
        named_from = _int(named_from, where, f"{p}named_from", _EARLIEST, start.year,
                          "a year no later than the start")
    extra: dict[str, Any] = {}
    if kind == "congress":
        extra["session"] = require_str(spec, "session", where, prefix=p)
        if not spec.get("short"):
            raise HandbookError(where, "a congress needs its short form (党的十九大 …): the spirit line uses it",
                                f"{p}short")
    elif kind == "plenum":
        if spec.get("number") is None:
            raise HandbookError(where, "required field is missing", f"{p}number")
        extra["number"] = _int(spec["number"], where, f"{p}number", 1, len(_ORDINALS), "a plenum number")
    elif kind == "campaign":
        extra["followups"] = _followups(spec, where, p, start, first, last)
    elif kind == "document":
        extra["revisions"] = _revisions(spec, where, p, start)
        if spec.get("published") is not None:
            extra["published"] = _date(spec["published"], where, f"{p}published")
    elif kind == "milestone":
        if spec.get("until_year") is not None:
            extra["until_year"] = _int(spec["until_year"], where, f"{p}until_year", start.year, MAX_YEAR,
                                       "a year from the start year")
        if spec.get("replaced_by") is not None:
            extra["replaced_by"] = check_slug(spec["replaced_by"], where, f"{p}replaced_by")
    return Event(
        id=event_id, kind=kind,
        name=require_str(spec, "name", where, prefix=p),
        short=require_str(spec, "short", where, optional=True, prefix=p),
        variants=_texts(spec, "variants", where, p),
        start=start, end=end,
        theme=require_str(spec, "theme", where, optional=True, prefix=p),
        slogans=_texts(spec, "slogans", where, p),
        source=require_str(spec, "source", where, prefix=p),
        uncertain=require_str(spec, "uncertain", where, optional=True, prefix=p),
        named_from=named_from,
        **extra,
    )


def _check_whole(events: list[tuple[int, Event]], where: str) -> None:
    """Checks across entries: ids and wordings once each, references, plenum numbering, one
    campaign a year, plans that do not overlap."""
    ids: dict[str, int] = {}
    for i, e in sorted(events, key=lambda item: item[0]):  # file order: the second one is the duplicate
        if e.id in ids:
            raise HandbookError(where, f"duplicate id {e.id!r} (also events[{ids[e.id]}])", f"events[{i}].id")
        ids[e.id] = i
    seen: dict[str, str] = {}
    for i, e in events:
        wordings = list(e.wordings) + [(f"slogans[{k}]", s) for k, s in enumerate(e.slogans)]
        wordings += [(f"followups[{k}].wording", f.wording) for k, f in enumerate(e.followups)]
        for field, phrase in wordings:
            if phrase in seen:
                raise HandbookError(where, f"wording {phrase!r} is already used by {seen[phrase]}",
                                    f"events[{i}].{field}")
            seen[phrase] = f"events[{ids[e.id]}] ({e.id})"
    for i, e in events:
        if e.replaced_by and e.replaced_by not in ids:
            raise HandbookError(where, f"unknown event id {e.replaced_by!r}", f"events[{i}].replaced_by")
    congresses = [e for _, e in events if e.kind == "congress"]
    numbered: dict[str, int] = {}
    for i, e in events:
        if e.kind != "plenum":
            continue
        before = [c for c in congresses if c.start.first <= e.start.first]
        if not before:
            raise HandbookError(where, "no congress before this plenum", f"events[{i}].start")
        congress = before[-1]
        expected = numbered.get(congress.id, 0) + 1
        if e.number != expected:
            raise HandbookError(where, f"expected plenum number {expected} of {congress.short} (numbered in date "
                                       f"order), got {e.number}", f"events[{i}].number")
        numbered[congress.id] = expected
        wanted = f"{congress.session}{_ORDINALS[expected - 1]}中全会"
        if e.short != wanted:
            raise HandbookError(where, f"short form should be {wanted!r}, got {e.short!r}", f"events[{i}].short")
    campaign_years: dict[int, int] = {}
    for i, e in events:
        if e.kind == "campaign":
            if e.start.year in campaign_years:
                raise HandbookError(where, f"a second campaign in {e.start.year} (also events"
                                           f"[{campaign_years[e.start.year]}])", f"events[{i}].start")
            campaign_years[e.start.year] = i
    plans = [(i, e) for i, e in events if e.kind == "plan"]
    for (_, a), (j, b) in zip(plans, plans[1:]):
        if a.end is None or b.start.first <= a.end.last:
            raise HandbookError(where, f"overlaps the plan {a.id!r}", f"events[{j}].start")


@cache.per_root
def load_calendar(root: Path = paths.TEMPLATES) -> Calendar:
    """templates/calendar.yml, fully validated; every problem one line naming the field."""
    path = root / FILE
    where = paths.rel(path)
    raw = require_mapping(load_yaml(path), where)
    check_keys(raw, {"years", "events"}, where)
    years = require_mapping(raw.get("years"), where, "years")
    check_keys(years, {"first", "last"}, where, "years.")
    first = _int(years.get("first"), where, "years.first", MIN_YEAR, MAX_YEAR)
    last = _int(years.get("last"), where, "years.last", first, MAX_YEAR, "a year from years.first")
    specs = raw.get("events")
    if not isinstance(specs, list) or not specs:
        raise HandbookError(where, "expected a non-empty list of events", "events")
    parsed = [(i, _event(spec, where, i, first, last)) for i, spec in enumerate(specs)]
    # Date order (stable) is what every question assumes; messages keep the file's indices.
    parsed.sort(key=lambda item: item[1].start.first)
    _check_whole(parsed, where)
    return Calendar(where=where, first_year=first, last_year=last, all_events=tuple(e for _, e in parsed))
