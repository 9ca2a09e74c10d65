"""`python -m bench`: every benchmark in turn, each printing its figures and ratios.

The import benchmark and the fuzz run are left out (run them on their own:
``python -m bench.bench_import``, ``python -m bench.fuzz``). Set BENCH_DATABASE_URL
(or TEST_DATABASE_URL) to add the PostgreSQL legs.
"""

from __future__ import annotations

import runpy
import sys

SUITE = (
    "bench.bench_parser",
    "bench.bench_log",
    "bench.bench_interactions",
    "bench.bench_leaderboard",
    "bench.bench_reminders",
)

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for module in SUITE:
        if only and module.rsplit(".", 1)[-1] not in only:
            continue
        print(f"\n=== {module} ===", flush=True)
        saved = sys.argv
        sys.argv = [module]
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        finally:
            sys.argv = saved
