"""The rendering engine: template text → marked text → HTML, plain text, runs.

Template text is Jinja2. Slots, writing instructions and move boundaries are
rendered as private-use marker characters, so one rendering pass yields a
string that every output (page HTML, clipboard text, Word, drafting tools)
can read back without parsing Jinja again. The markers never reach an output:
`to_plain` and `to_html` consume them, and tests assert that none survive.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import jinja2
from jinja2 import StrictUndefined, nodes

from ..base import cache

# Private-use characters: they cannot occur in real text.
SLOT_OPEN, SLOT_CLOSE = "\ue000", "\ue001"  # a slot left blank: its label
FILL_OPEN, FILL_CLOSE = "\ue002", "\ue003"  # a slot filled with a value
HINT_OPEN, HINT_CLOSE = "\ue004", "\ue005"  # a writing instruction
MOVE_OPEN, MOVE_CLOSE = "\ue006", "\ue007"  # the start of a move: its id
MARKERS = SLOT_OPEN + SLOT_CLOSE + FILL_OPEN + FILL_CLOSE + HINT_OPEN + HINT_CLOSE + MOVE_OPEN + MOVE_CLOSE

# Names a template may use besides its slots. `cal` is the calendar's answers for
# the render's report year (macros/content/sections.py YearView).
RESERVED = frozenset({"hint", "move", "since", "variant", "report_year", "cal"})
# Names whose value depends on the report year in ways no cut can describe.
YEAR_DEPENDENT = frozenset({"cal"})

_TOKEN_RE = re.compile(
    f"{SLOT_OPEN}([^{MARKERS}]*){SLOT_CLOSE}"
    f"|{FILL_OPEN}([^{MARKERS}]*){FILL_CLOSE}"
    f"|{HINT_OPEN}([^{MARKERS}]*){HINT_CLOSE}"
    f"|{MOVE_OPEN}([^{MARKERS}]*){MOVE_CLOSE}"
)

# Zero-width and other invisible characters that must not reach a clipboard.
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def make_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """Our one Jinja environment factory: strict, plain text, no autoescape.

    Escaping happens once, in `to_html`, after the markers are read back.
    """
    return jinja2.Environment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def slot_label(label: str) -> str:
    return f"{SLOT_OPEN}{label}{SLOT_CLOSE}"


def filled(value: Any) -> str:
    return f"{FILL_OPEN}{value}{FILL_CLOSE}"


def hint(text: str) -> str:
    return f"{HINT_OPEN}{text}{HINT_CLOSE}"


def move_marker(move_id: str) -> str:
    return f"{MOVE_OPEN}{move_id}{MOVE_CLOSE}"


@dataclass(frozen=True)
class Compiled:
    template: jinja2.Template
    names: frozenset[str]  # every variable it reads from its context
    # The report years at which its text can change: the output for a year
    # depends only on which of these the year has reached. None: on the exact
    # year (report_year used other than compared with a constant).
    year_cuts: tuple[int, ...] | None


def compile_checked(env: jinja2.Environment, source: str, filename: str) -> Compiled:
    """The compiled template, the variables it reads and its year cuts, from one parse.

    Parsing and code generation are Jinja's compile time, and
    jinja2.meta.find_undeclared_variables runs the code generator once more:
    the names are read from the tree instead. Every name the template loads
    and never assigns (set, for, macro arguments) comes from its context.
    """
    def compile_() -> tuple:
        tree = env.parse(source, filename=filename)
        loaded, assigned = set(), set()
        for node in tree.find_all(nodes.Name):
            (loaded if node.ctx == "load" else assigned).add(node.name)
        return env.compile(tree, filename=filename), frozenset(loaded - assigned), year_cuts(tree)

    done = _COMPILED.cached(lambda: (source, filename, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
                                     env.autoescape, env.undefined, tuple(sorted(env.extensions)),
                                     tuple(sorted(env.filters)), tuple(sorted(env.tests))), compile_)
    code, names, cuts = done
    return Compiled(env.template_class.from_code(env, code, env.make_globals(None), None), names, cuts)


# Compiled code by the source it came from (and the environment's settings):
# `mkdocs serve` recompiled all 29 templates (about half a second) on every rebuild.
_COMPILED = cache.ContentMemo(1024)


def year_cuts(tree: nodes.Template) -> tuple[int, ...] | None:
    """The years where `since(Y)` or `report_year <op> Y` can change value (see Compiled).
    A template that reads the calendar (`cal`) can change every year: None."""
    if any(n.name in YEAR_DEPENDENT for n in tree.find_all(nodes.Name)):
        return None
    cuts: set[int] = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "since":
            if len(call.args) != 1 or not isinstance(call.args[0], nodes.Const) or call.kwargs:
                return None
            cuts.add(int(call.args[0].value))
    compared = 0
    for cmp in tree.find_all(nodes.Compare):
        if len(cmp.ops) != 1:
            continue
        left, right = cmp.expr, cmp.ops[0].expr
        for a, b in ((left, right), (right, left)):
            if isinstance(a, nodes.Name) and a.name == "report_year" and isinstance(b, nodes.Const) \
                    and isinstance(b.value, int):
                cuts.update((b.value, b.value + 1))  # ==, <, >= … all decided by these two
                compared += 1
    uses = sum(1 for n in tree.find_all(nodes.Name) if n.name == "report_year")
    return tuple(sorted(cuts)) if uses == compared else None


# ---------------------------------------------------------------------------
# Reading marked text back
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    kind: str  # "text" | "slot" | "fill" | "hint" | "move" (text = move id)
    text: str


@dataclass
class Paragraph:
    segments: list[Segment]
    move: str | None  # the move in force where this paragraph starts

    @property
    def is_instruction(self) -> bool:
        """A paragraph that is nothing but writing instructions."""
        return all(s.kind in ("hint", "move") or not s.text.strip() for s in self.segments)

    def plain(self) -> str:
        return "".join(plain_segment(s) for s in self.segments).strip()


def plain_segment(seg: Segment) -> str:
    """A segment as the clipboard has it: instructions and move marks dropped, slots as 【标签】."""
    if seg.kind in ("hint", "move"):
        return ""
    if seg.kind == "slot":
        return f"【{seg.text}】"
    return seg.text


def parse(marked: str) -> list[Paragraph]:
    """Split marked text into paragraphs.

    Paragraphs are separated by blank lines; the lines of one paragraph are
    joined without a space (Chinese prose), so template sources can wrap.
    """
    paragraphs: list[Paragraph] = []
    move: str | None = None
    for block in re.split(r"\n[ \t]*\n", marked):
        line = "".join(part.strip() for part in block.split("\n"))
        segments: list[Segment] = []
        moves_here: list[str] = []
        m0 = _TOKEN_RE.match(line)
        start_move = m0.group(4) if m0 and m0.group(4) is not None else move
        pos = 0
        for m in _TOKEN_RE.finditer(line):
            if m.start() > pos:
                segments.append(Segment("text", line[pos:m.start()]))
            slot, fill, hint_text, move_id = m.groups()
            if move_id is not None:
                moves_here.append(move_id)
                segments.append(Segment("move", move_id))
            elif slot is not None:
                segments.append(Segment("slot", slot))
            elif fill is not None:
                segments.append(Segment("fill", fill))
            else:
                segments.append(Segment("hint", hint_text))
            pos = m.end()
        if pos < len(line):
            segments.append(Segment("text", line[pos:]))
        leftover = "".join(s.text for s in segments if s.kind == "text")
        if any(ch in MARKERS for ch in leftover):
            raise ValueError(f"unbalanced marker in rendered text: {line!r}")
        if any(s.text.strip() for s in segments if s.kind != "move"):
            paragraphs.append(Paragraph(_trim(segments), start_move))
        if moves_here:
            move = moves_here[-1]
    return paragraphs


def _trim(segments: list[Segment]) -> list[Segment]:
    out = list(segments)
    if out and out[0].kind == "text":
        out[0] = Segment("text", out[0].text.lstrip())
    if out and out[-1].kind == "text":
        out[-1] = Segment("text", out[-1].text.rstrip())
    return [s for s in out if s.text]


def plain_lines(paragraphs: Iterable[Paragraph]) -> list[str]:
    """The clipboard's lines, one per paragraph: instructions dropped, slots as 【标签】, values
    bare, no invisible characters. The one plain-text form: copy buttons, Word, the tools."""
    lines = (INVISIBLE_RE.sub("", p.plain()) for p in paragraphs if not p.is_instruction)
    return [line for line in lines if line]


def to_plain(paragraphs: Iterable[Paragraph]) -> str:
    """The clipboard text: plain_lines joined by newlines."""
    return "\n".join(plain_lines(paragraphs))


def to_html(
    paragraphs: Iterable[Paragraph],
    *,
    slot_title: Callable[[str], str] | None = None,
    move_label: Callable[[str], str] | None = None,
) -> str:
    """HTML for a page: slots, filled values and instructions in their styles.

    `move_label` (move id → label) shows a tag where each move starts;
    `slot_title` gives slots a tooltip.
    """
    out: list[str] = []
    for para in paragraphs:
        if para.is_instruction:
            inner = "".join(html.escape(s.text) for s in para.segments if s.kind == "hint")
            out.append(f'<p class="hb-hint hb-hint--block" data-search-exclude><span class="hb-hint__tag">写作提示</span>{inner}</p>')
            continue
        parts: list[str] = []
        for seg in para.segments:
            text = html.escape(seg.text)
            if seg.kind == "move":
                if move_label:
                    parts.append(
                        f'<span class="hb-move" data-move="{text}" data-search-exclude>{html.escape(move_label(seg.text))}</span>'
                    )
            elif seg.kind == "slot":
                title = f' title="{html.escape(slot_title(seg.text))}"' if slot_title else ""
                parts.append(f'<span class="hb-slot"{title}>【{text}】</span>')
            elif seg.kind == "fill":
                parts.append(f'<mark class="hb-fill">{text}</mark>')
            elif seg.kind == "hint":
                parts.append(f'<span class="hb-hint" data-search-exclude><span class="hb-hint__tag">提示</span>{text}</span>')
            else:
                parts.append(text)
        out.append(f"<p>{''.join(parts)}</p>")
    return "\n".join(out)
