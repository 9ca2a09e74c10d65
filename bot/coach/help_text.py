"""The guide's prose, shared by /help in Discord and in the console: how to write a log
and what the tiers mean. The command lines come from bot.coach.commands."""

from __future__ import annotations

NOTATION: tuple[str, ...] = (
    "Sets and reps: `5x5`, `3x8-12`, `3 sets of 8`, `8,8,7`, `100x5`, `135x8,8,7`.",
    "Load: `@100kg`, `225lb`, `bw`, `bw+20`; a bare number uses your unit.",
    "Effort: `rir2`, `rir 1-2`, `rpe8`, `@8`; failure: `f`, `to failure`, `rir0`.",
    "Beyond failure: `dropset`, `forced`, `rest-pause`, `myo`, `partials`, `negatives`.",
    "AMRAP: `5+` or `amrap`; warm-ups: `wu`; backdate: `yesterday`, `mon`, `2026-11-25`.",
    "Several exercises: one per line, or separated by `;`.",
)

TIERS: tuple[str, ...] = (
    "A: squats, deadlifts, Olympic lifts: stop 1-3 reps short of failure.",
    "B: free-weight presses, rows, pull-ups, lunges: mostly 1-3 short.",
    "C: machine and cable compounds: 0-2 short; the last set may go to failure.",
    "D: isolation: take at least one set to failure.",
)
