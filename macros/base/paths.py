"""Where things live in the repository. Everything else asks here."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
SECTIONS = TEMPLATES / "sections"
GENRES = TEMPLATES / "genres"
PHRASES = TEMPLATES / "phrases"
SAMPLES = TEMPLATES / "samples"
DOCS = ROOT / "docs"


def rel(path: Path) -> str:
    """A path as shown in messages: relative to the repo when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
