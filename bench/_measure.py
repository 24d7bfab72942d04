"""Run one MkDocs build in this process and report its peak memory.

Used by bench/build.py, which times this whole process from outside. Prints
one JSON line: {"maxrss_mb": …}.
"""
from __future__ import annotations

import json
import resource
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_file: str, site_dir: str, strict: str = "strict") -> None:
    cfg = load_config(config_file, site_dir=site_dir, strict=strict == "strict")
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"maxrss_mb": round(peak_kb / 1024, 1)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
