"""The build with and without the leak gate (not a timed test): python bench/leakgate.py [--runs N]

The leak gate (macros/tools/leakgate.py) runs the anonymiser, model included,
only on a sample whose digest differs from templates/samples/leakgate.lock.
Three strict builds of the handbook as shipped, each in a fresh process, runs
interleaved so that load drifts hit all three alike:

- `no gate`: the gate replaced by loading the samples (what the build would do without it);
- `gate, lock current`: the normal build (every digest matches: no sample is read by the model);
- `gate, lock stale`: every sample checked in full, as after a change of the detector or of every sample.

Prints the median wall and CPU seconds (user + system of the build process) of each,
and the gate's cost over `no gate`. Writes bench/out/leakgate.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside the build process: patch the gate, then run MkDocs' own command line.
_RUNNER = """
import sys
sys.path.insert(0, {root!r})
from macros.content import samples
from macros.tools import leakgate
mode = {mode!r}
if mode == "none":
    leakgate.validate_samples = lambda root=None: samples.all_samples()
elif mode == "stale":
    leakgate.read_lock = lambda root=None: {{}}
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "-q", "-d", {site!r}]
cli()
"""
MODES = (("none", "no gate"), ("current", "gate, lock current"), ("stale", "gate, lock stale"))


def lock_is_current() -> bool:
    """Whether every sample's digest matches the lock (else `gate, lock current` would check some in full)."""
    proc = subprocess.run([sys.executable, "-c", _CURRENT.format(root=str(ROOT))], cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip() == "True"


_CURRENT = """
import sys
sys.path.insert(0, {root!r})
from macros.content.samples import all_samples
from macros.tools import leakgate
lock = leakgate.read_lock()
print(all(lock.get(s.slug) == leakgate.digest(s) for s in all_samples().values()))
"""


def build(mode: str, site: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", _RUNNER.format(root=str(ROOT), mode=mode, site=site)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not lock_is_current():
        sys.exit("the lock is stale: run python -m macros.tools.leakgate --update first")
    times: dict[str, list[tuple[float, float]]] = {m: [] for m, _ in MODES}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            for mode, _label in MODES:
                times[mode].append(build(mode, str(Path(tmp) / mode)))
    out = {}
    base_wall = statistics.median(w for w, _ in times["none"])
    base_cpu = statistics.median(c for _, c in times["none"])
    for mode, label in MODES:
        wall = statistics.median(w for w, _ in times[mode])
        cpu = statistics.median(c for _, c in times[mode])
        out[mode] = {"wall": wall, "cpu": cpu}
        print(f"{label:20} wall {wall:6.1f} s  CPU {cpu:6.1f} s  "
              f"(+{wall - base_wall:5.1f} s wall, +{cpu - base_cpu:5.1f} s CPU over no gate)")
    print(f"lock still current after the runs: {lock_is_current()} (a sample edited meanwhile makes "
          "`gate, lock current` check it in full)")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "leakgate.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
