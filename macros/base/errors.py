"""One error type for bad input anywhere in the handbook.

Every message is a single line that names the file (or page), the field and
what is wrong, so that a build log or a CLI run points straight at the fix.
"""
from __future__ import annotations

from pathlib import Path


class HandbookError(Exception):
    """Bad input: a data file, a template, a page's macro call, a CLI argument."""

    def __init__(self, where: str | Path, message: str, field: str | None = None):
        self.where = str(where)
        self.field = field
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        field = f" [{self.field}]" if self.field else ""
        # Newlines would break the one-line promise; collapse them.
        msg = " ".join(str(self.message).split())
        return f"{self.where}{field}: {msg}"
