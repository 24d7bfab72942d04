"""Glue between our plain functions and mkdocs-macros: strict calls, one-line errors.

mkdocs-macros turns an exception in a macro into a Markdown block with the
full traceback. With `on_error_fail: true` it then stops the build, but the
log still shows that block. We register a formatter for the errors that mean
"the page asked for something that does not exist", so the log shows one line:
the page and what is unknown. Unexpected exceptions keep their traceback.
"""
from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

import jinja2

from ..base.errors import HandbookError


def strict(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """Wrap a macro so that a wrong argument list is a HandbookError."""
    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            sig.bind(*args, **kwargs)
        except TypeError as exc:
            raise HandbookError(f"macro {name}()", f"bad arguments: {exc}") from None
        for value in list(args) + list(kwargs.values()):
            if isinstance(value, jinja2.Undefined):
                # Touching it raises the UndefinedError that names the variable.
                str(value)
        return fn(*args, **kwargs)

    return wrapper


def one_line(error: Exception, markdown: str, page: Any) -> str:
    src = getattr(getattr(page, "file", None), "src_path", "?")
    if isinstance(error, jinja2.UndefinedError):
        what = f"unknown name in a macro call: {error.message}"
    else:
        what = str(error)
    return f"docs/{src}: {what}"


def install_error_format() -> None:
    from mkdocs_macros.errors import format_error

    format_error.register(HandbookError)(one_line)
    format_error.register(jinja2.UndefinedError)(one_line)
