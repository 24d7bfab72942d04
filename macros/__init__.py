"""The handbook's macros package, loaded by mkdocs-macros (`module_name: macros`).

This file only registers: the macros pages may call, and the error format.
The logic lives in the package's modules, which tests and the command line
(`python -m macros`) use without MkDocs. MkDocs' own events are registered in
macros/hooks.py.
"""
from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from .pages import macros as pagemacros
    from .pages import registry

    registry.install_error_format()
    for name, fn in pagemacros.MACROS.items():
        env.macro(registry.strict(fn, name), name)


def on_pre_page_macros(env: Any) -> None:
    """Tell raw-HTML link builders which page they are writing for."""
    from .pages import context as pagecontext

    pagecontext.set_page_url(env.page.url)
