"""Every command there is, in one table.

The slash commands, the console, /help and the README's command list are all checked
against it (tests/test_command_parity.py), so a command added to one layer and
forgotten in another fails a test instead of surprising a lifter. It is pure data: the
coach builds /help from it without knowing any edge.

Each row's ``area`` is the file stem of the command in every layer: ``coach.<area>``,
``bot/discord/cogs/<area>.py`` and ``bot/console/<area>.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Edge = Literal["discord", "console"]
BOTH: frozenset[Edge] = frozenset({"discord", "console"})
DISCORD_ONLY: frozenset[Edge] = frozenset({"discord"})
CONSOLE_ONLY: frozenset[Edge] = frozenset({"console"})
_WHERE = {BOTH: "", DISCORD_ONLY: " (Discord only)", CONSOLE_ONLY: " (console only)"}


@dataclass(frozen=True)
class CommandSpec:
    """One command as a lifter types it, and where each layer keeps it."""

    name: str  # as typed after the slash
    area: str  # the file stem in every layer
    usage: str  # UPPER is a value to fill in; name:VALUE where the option must be named
    summary: str  # the rest of its /help line
    # A Discord group's subcommands; the console reads the same words after the name.
    subcommands: tuple[str, ...] = ()
    edges: frozenset[Edge] = BOTH
    typed: bool = False  # also a prefix command in Discord (`!log`)
    # Extra names the console accepts for a step Discord does with a button.
    console_aliases: tuple[str, ...] = ()
    # Only in a server where the bot was added (it is about that server); every other
    # command also works from a lifter's own install, in DMs and in private channels.
    server_only: bool = False

    @property
    def in_discord(self) -> bool:
        return "discord" in self.edges

    @property
    def in_console(self) -> bool:
        return "console" in self.edges


COMMAND_TABLE: tuple[CommandSpec, ...] = (
    CommandSpec("log", "logbook", "/log [ENTRY]",
                "Store sets and get advice. `/log squat 5x5 @100kg rir2`; in Discord "
                "`/log` alone opens a form for a whole session, one exercise a line.",
                typed=True, console_aliases=("other",)),
    CommandSpec("undo", "logbook", "/undo [EXERCISE]",
                "Remove your last log (all it stored), or only one exercise of it: "
                "`/undo curl`. In Discord you pick which when it held several."),
    CommandSpec("history", "logbook", "/history [EXERCISE] [days:DAYS] [page:PAGE]",
                "Your sessions, newest first, with a number for each entry (only you "
                "see them). `/history squat days:30`, `/history page:2`"),
    CommandSpec("edit", "logbook", "/edit N TEXT",
                "Correct entry N of /history; it keeps its day and session, and the "
                "advice is worked out again. `/edit 2 bench 3x8 @82.5kg rir1`; in "
                "Discord `/edit number:2` opens a form with the entry's text."),
    CommandSpec("why", "info", "/why RULE",
                "The reasoning and sources behind a rule id, e.g. `/why A1`."),
    CommandSpec("profile", "profile",
                "/profile [unit:UNIT] [goal:GOAL] [tz:ZONE] [target:DAYS] [increment:STEP] "
                "[dates:ORDER]",
                "Unit, goal, time zone, weekly target, smallest plate step, how you write "
                "dates (dmy: 3/11 is 3 Nov, the default; mdy: 11/3). `/profile unit:lb "
                "goal:strength tz:Europe/Berlin target:3 increment:5 dates:mdy`"),
    CommandSpec("deload", "profile", "/deload on [WEEKS]",
                "A lighter week from today (1-4 weeks): the push-harder advice stays quiet; "
                "`/deload off` ends it.", subcommands=("on", "off")),
    CommandSpec("sore", "profile", "/sore BODYPART DAYS",
                "Tell the coach a body part has been sore, e.g. `/sore quads 6`."),
    CommandSpec("exercise", "profile", "/exercise NAME [tier:X] [rename:NEW] [merge:LIFT]",
                "Your own exercise: set its tier (A-D), rename it, or merge it into a "
                "catalogue lift (its history moves along). `/exercise zercher squat tier:A`, "
                "`/exercise sqaut merge:back squat`"),
    CommandSpec("remind", "reminders", "/remind set time:HH:MM [days:DAYS] [timezone:ZONE]",
                "A daily DM in your time zone. `/remind set time:07:30 days:mon,wed,fri`; "
                "`/remind show`, `/remind off`.", subcommands=("set", "show", "off")),
    CommandSpec("leaderboard", "boards", "/leaderboard show [METRIC] [WINDOW]",
                "This server's boards: adherence (default), streak, days or discipline over "
                "4w (default), 12w or all; `/leaderboard optout`, `/leaderboard optin`.",
                subcommands=("show", "optout", "optin"), server_only=True),
    CommandSpec("recap", "recap",
                "/recap set channel:#CHANNEL [day:DAY] [time:HH:MM] [timezone:ZONE]",
                "Admins: each week a post of the server's past week in that channel (who met "
                "their target, longest streaks, most improved, training days, failure sets "
                "by tier; names, never pings); `/recap show` previews it, `/recap off` stops "
                "it.", subcommands=("set", "show", "off"), server_only=True),
    CommandSpec("challenge", "challenges", "/challenge start days:DAYS weeks:WEEKS [name:NAME]",
                "Admins: a group challenge from this week that every lifter here joins by "
                "training; `/challenge show` gives everyone's progress, `/challenge end` "
                "(admins) ends it and posts the results in the recap channel.",
                subcommands=("start", "show", "end"), server_only=True),
    CommandSpec("stats", "progress", "/stats [EXERCISE]",
                "Your training days, streak, adherence, failure sets and hard sets of the "
                "last 7 days, best e1RM and PRs (only you see it)."),
    CommandSpec("chart", "progress", "/chart exercise NAME [WEEKS]",
                "A picture of e1RM (or top set) and weekly hard sets; "
                "`/chart consistency [WEEKS]` for a calendar of your training days.",
                subcommands=("exercise", "consistency")),
    CommandSpec("plan", "plan", "/plan [block:BLOCK]",
                "This week's plan: where failure goes on each exercise, this week's block "
                "(failure or heavy) and when the next starts; `/plan block:2w` (3w, 4w, 6w or "
                "off) sets the block length."),
    CommandSpec("checkin", "plan", "/checkin on [day:DAY] [time:HH:MM]",
                "A weekly DM: last week against its plan, and the plan ahead. "
                "`/checkin on day:sun time:18:00`; `/checkin off`.", subcommands=("on", "off")),
    CommandSpec("logchannel", "server", "/logchannel set #CHANNEL",
                "Admins: read plain posts in that channel as logs; `/logchannel off` stops.",
                subcommands=("set", "off"), edges=DISCORD_ONLY, server_only=True),
    CommandSpec("export", "data", "/export", "All your sets as a CSV file (only you see it)."),
    CommandSpec("import", "data", "/import FILE [format:FORMAT] [map:MAP] [unit:UNIT]",
                "Bring in history from Strong, Hevy or a liftcoach export; shows a preview "
                "to confirm.", console_aliases=("import-confirm",)),
    CommandSpec("forget-me", "data", "/forget-me",
                "Erase everything the bot holds on you (asks first)."),
    CommandSpec("help", "info", "/help", "This guide."),
)


@dataclass(frozen=True)
class MenuSpec:
    """A command in a message's Apps menu (Discord only): it acts on that message."""

    name: str  # as Discord shows it in the menu
    area: str  # the file stem in every layer, as for a command
    summary: str


MESSAGE_MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("Log as my workout", "logbook",
             "on a message of your own (⋯ › Apps): store its sets as a log; only you see "
             "the reply."),
)


def menu_line(spec: MenuSpec) -> str:
    """The menu command's line in /help."""
    return f"Apps › **{spec.name}**: {spec.summary} (Discord only)"


def help_line(spec: CommandSpec) -> str:
    """The command's line in /help; a command one edge lacks says where it runs."""
    return f"`{spec.usage}`: {spec.summary}{_WHERE[spec.edges]}"
