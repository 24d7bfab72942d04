"""The shape of macros/: sub-packages by concern, imports one way, no cycle, ruff clean.

Layers, lowest first: base ← engine ← content ← tools ← pages ← build ← the
entry points at the top (__init__, __main__, hooks, cli). A module may import
its own layer or a lower one, never a higher one; imports inside functions
count too, and no two modules may import each other in a circle.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from macros.base import paths

PACKAGE = paths.ROOT / "macros"
LAYERS = ("base", "engine", "content", "tools", "pages", "build")
TOP = {"macros", "macros.__main__", "macros.hooks", "macros.cli"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(paths.ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, node: ast.ImportFrom | ast.Import, is_package: bool) -> list[str]:
    """The modules of ours that one import statement loads."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name == "macros" or a.name.startswith("macros.")]
    if node.level:
        base = module.split(".")
        base = base if is_package else base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if not (target == "macros" or target.startswith("macros.")):
        return []
    found = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        found.append(sub if sub in MODULES else target)
    return found


def imports_of(module: str) -> set[str]:
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out: set[str] = set()
    for node in ast.walk(tree):  # every import, inside functions too
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.update(_resolve(module, node, path.name == "__init__.py"))
    out.discard(module)
    return {m for m in out if m in MODULES}


GRAPH = {m: imports_of(m) for m in MODULES}


def layer(module: str) -> int:
    if module in TOP:
        return len(LAYERS)
    parts = module.split(".")
    assert len(parts) >= 2 and parts[1] in LAYERS, f"{module} is in no layer: put it in a sub-package"
    return LAYERS.index(parts[1])


def test_every_module_is_in_a_layer_or_an_entry_point():
    top_level = [m for m in MODULES if m.count(".") == 1 and m.split(".")[1] not in LAYERS]
    assert set(top_level) <= TOP, f"modules at the top of macros/ other than the entry points: {top_level}"
    assert len([p for p in PACKAGE.glob("*.py")]) <= 8
    for m in MODULES:
        layer(m)


def test_every_sub_package_says_what_it_holds():
    for name in LAYERS:
        doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), f"macros/{name}/__init__.py needs a one-line docstring"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_one_way(module):
    upward = sorted(t for t in GRAPH[module] if layer(t) > layer(module) and t != "macros")
    assert not upward, f"{module} imports a higher layer: {upward}"


def test_no_import_cycle():
    # Tarjan-free check: a depth-first search that reports the first cycle it meets.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for t in sorted(GRAPH[m]):
            if t == "macros":
                continue
            if state.get(t) == 1:
                return stack[stack.index(t):] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in state:
            cycle = visit(m)
            assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_the_checks_can_fail():
    """The graph walker sees imports inside functions (a test that cannot fail is a defect)."""
    assert "macros.tools.anonymise" in GRAPH["macros.cli"]  # imported inside _cmd_anonymise
    assert layer("macros.build.site") > layer("macros.pages.macros") > layer("macros.tools.checker")


def test_ruff_is_clean():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "macros", "tests", "bench"],
                          cwd=paths.ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]
