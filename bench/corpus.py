"""A varied corpus of log lines, built from the notation lifters write."""

from __future__ import annotations

import random

EXERCISES = (
    "squat", "back squat", "bench", "bench press", "deadlift", "dl", "rdl", "ohp", "overhead press",
    "barbell row", "pull-ups", "chin-ups", "dips", "leg press", "lat pulldown", "leg extension",
    "leg curl", "calf raise", "barbell curl", "hammer curl", "lateral raise", "face pull",
    "skull crushers", "tricep pushdown", "hip thrust", "bulgarian split squat", "front squat",
    "incline bench", "dumbbell bench press", "pec deck", "cable fly", "seated cable row",
    "power clean", "push press", "good morning", "hack squat", "t-bar row", "shrugs",
)
SCHEMES = (
    "5x5", "3x8-12", "3 sets of 8", "8,8,7", "5/5/5", "100x5", "100kg x 5 x 3", "135x8,8,7",
    "175x5, 175x5, 170x6", "4x10 @60kg", "3x12 @ 40", "5x3 @140kg", "3x10", "4 x 6", "2x15",
    "3×8", "80x8x3", "225lb x 5", "bw x 12, 10, 8", "bw+20 x 8", "3x8 +20kg", "20s x 12 x 3",
    "3x10-12 @20kg", "4 x 8-10", "3 sets of 12-15",
)
EFFORTS = (
    "", "rir2", "rir 1-2", "2rir", "rpe8", "@8", "RPE 8.5", "@rpe9", "rir 2,1,0", "f", "to failure",
    "rir0", "rpe10", "dropset", "rest-pause", "myo", "partials", "forced", "amrap", "RIR 3",
)
DATES = ("", "", "", "", "yesterday", "mon", "2026-11-20")
# The lifter's own words after the sets, now and then (the parser keeps them as a note).
NOTES = ("",) * 36 + ("- felt heavy", "(paused)", "PR", "felt easy")
# Timed and distance work, a line in thirty.
TIMED = ("plank 3x60s", "farmer walk 4x40m @32kg", "dead hang 3x45s", "side plank 2x30s rir1")


def corpus(n: int = 10_000, seed: int = 7, *, distinct: bool = False) -> list[str]:
    """Log lines; ``distinct`` gives (almost) every line its own load, so no two
    lines share their notation and nothing can be answered from memory."""
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        scheme = rng.choice(SCHEMES)
        if distinct:
            load = rng.randrange(400, 4000) / 8
            scheme = f"{rng.randrange(2, 6)}x{rng.randrange(3, 13)} @{load:g}kg"
        parts = [rng.choice(EXERCISES), scheme, rng.choice(EFFORTS), rng.choice(DATES),
                 rng.choice(NOTES)]
        line = " ".join(p for p in parts if p)
        if rng.random() < 0.033:
            line = rng.choice(TIMED)
        if rng.random() < 0.2:
            line = line.upper() if rng.random() < 0.5 else "  " + line.replace(" ", "  ")
        lines.append(line)
    return lines
