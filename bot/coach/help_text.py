"""The command guide, shared by /help in Discord and in the console."""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str], ...] = (
    ("/log ENTRY", "Store sets and get advice. `/log squat 5x5 @100kg rir2`"),
    ("/undo", "Remove your most recent entry."),
    ("/history [exercise]", "Your recent entries, or one exercise's."),
    ("/why RULE", "The reasoning and sources behind a rule id, e.g. `/why A1`."),
    ("/profile", "Unit, goal, time zone, weekly target. `/profile unit:lb goal:strength "
     "tz:Europe/Berlin target:3`"),
    ("/sore BODYPART DAYS", "Tell the coach a body part has been sore, e.g. `/sore quads 6`."),
    ("/exercise NAME tier:X", "Set the tier (A-D) of your own exercise."),
    ("/export", "All your sets as a CSV file (only you see it)."),
    ("/import file [format] [map]", "Bring in history from Strong, Hevy or a liftcoach "
     "export; shows a preview to confirm."),
    ("/forget-me", "Erase everything the bot holds on you (asks first)."),
    ("/remind set time:HH:MM", "A daily DM in your time zone. `/remind set time:07:30 "
     "days:mon,wed,fri`; `/remind show`, `/remind off`."),
    ("/leaderboard show [metric] [window]", "This server's boards: adherence (default), "
     "streak, days or discipline over 4w (default), 12w or all; `/leaderboard optout`, "
     "`/leaderboard optin`."),
    ("/stats [exercise]", "Your training days, streak, adherence, this week's failure sets "
     "and volume, best e1RM and PRs (only you see it)."),
    ("/chart exercise NAME [weeks]", "A picture of e1RM (or top set) and weekly hard sets; "
     "`/chart consistency` for a calendar of your training days."),
    ("/help", "This guide."),
)

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
