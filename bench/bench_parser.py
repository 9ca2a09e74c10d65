"""Parser throughput: lines per second over a varied corpus (target >= 50,000 lines/s).

Three figures: everyday notation as a running bot reads it (the memo of notations
``_SETS_MEMO`` in ``bot/domain/notation/parse.py`` as it fills), the same lines with
that memo cleared before every line ("cold": nothing answered from memory), and a
corpus where no two lines share their notation.
"""

from __future__ import annotations

import time
from datetime import date

from bench.corpus import corpus
from bench.machine import describe
from bot.domain.catalogue import default_catalogue
from bot.domain.notation import parse as parsing
from bot.domain.notation import parse_log

TARGET = 50_000


def run(n: int = 20_000, rounds: int = 3, *, distinct: bool = False,
        cold: bool = False) -> dict[str, float]:
    lines = corpus(n, distinct=distinct)
    catalogue = default_catalogue()
    today = date(2026, 11, 26)
    memo = parsing._SETS_MEMO
    ok = sum(isinstance(parse_log(line, catalogue, today=today), tuple) for line in lines)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        if cold:
            for line in lines:
                memo.clear()
                parse_log(line, catalogue, today=today)
        else:
            for line in lines:
                parse_log(line, catalogue, today=today)
        best = min(best, time.perf_counter() - start)
    rate = len(lines) / best
    label = "distinct notation" if distinct else "everyday notation"
    if cold:
        label += ", memo cleared before every line"
    print(f"parser, {label}: {len(lines)} lines ({ok / len(lines):.1%} read as logs), "
          f"best of {rounds}: {rate:,.0f} lines/s, {best / len(lines) * 1e6:.1f} µs/line, "
          f"{rate / TARGET:.2f}× the {TARGET:,} lines/s target")
    return {"lines_per_s": rate, "ratio_to_target": rate / TARGET}


if __name__ == "__main__":
    print(describe())
    run()
    run(cold=True)
    run(distinct=True)
