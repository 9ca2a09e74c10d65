"""The coaching rules: what each says, when each fires, and the engine that picks them.

This is what the bot is for: after a log, decide whether training to failure was
wise. The rules are data (id, text, sources), each has one check over the entry and
the lifter's recent history, and the engine runs the checks, then orders and caps
what fires into one reply for the whole message (``session``). It reads history
through the figures and tiers through the catalogue.
"""

from bot.domain.advice.checks import W4_MIN_DAYS
from bot.domain.advice.engine import advise, evaluate
from bot.domain.advice.lines import names_text
from bot.domain.advice.rules import RULES, explain
from bot.domain.advice.session import LOOKBACK, MAX_ITEMS, Item, SessionReply, advise_session

__all__ = [
    "LOOKBACK",
    "MAX_ITEMS",
    "RULES",
    "W4_MIN_DAYS",
    "Item",
    "SessionReply",
    "advise",
    "advise_session",
    "evaluate",
    "explain",
    "names_text",
]
