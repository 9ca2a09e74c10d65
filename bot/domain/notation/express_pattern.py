"""The one regular expression of the express reader, with its group positions.

A line of the everyday shapes (``bench press 4x10 @60kg rir2 mon``) is matched by
``LINE``, on the line with its ASCII letters lowercased (``ascii_lower``): matching
ignoring case costs more in every literal and alternation. The group index names
(``_NAME``, ``_A``, ...) say which part of the line each group holds. The reader
that builds entries from a match is ``express``.
"""

from __future__ import annotations

import re
import string
from typing import Final

from bot.domain.notation import words as nt

__all__ = [
    "_A",
    "_ABWL",
    "_ABWU",
    "_APAIR",
    "_AT",
    "_AU",
    "_AV",
    "_B",
    "_BH",
    "_BLIST",
    "_C",
    "_DAY",
    "_EV",
    "_EW",
    "_L",
    "_LAT",
    "_LBW",
    "_LBWL",
    "_LBWU",
    "_LINE",
    "_LISTED",
    "_LP",
    "_LPU",
    "_LU",
    "_MARK",
    "_MULTI",
    "_NAME",
    "_NAME_STOPS",
    "_ONE_GROUP",
    "_SB",
    "_SBH",
    "_SETS",
    "_SPLIT_LIST",
    "_SV",
    "_SW",
    "_TA",
    "_TSP",
    "_TU",
    "_TV",
    "_UNITS",
    "_WORDS_AT",
    "ascii_lower",
    "has_decimal_comma",
]

# An optional part is written "(?:...|)", not "(?:...)?": the same choice in the same
# order (the part first, then nothing), without the repeat bookkeeping the engine gives
# a "?" on anything longer than one character, which the most common lines paid for
# dozens of times each.
_NUM = r"\d+(?:\.\d+|)"
_UNIT = r"kg|kgs|kilos?|lbs?|pounds?"
_SP = r"[ \t]"  # spaces and tabs only: a line break makes a message of several lines
_LIST = rf"\d+(?:{_SP}*[,/]{_SP}*\d+)+"
_DAY_WORDS = "|".join(sorted(nt.WEEKDAYS.keys() | nt.RELATIVE_DAYS.keys(), key=len, reverse=True))
_MARK_WORDS = "|".join(
    sorted(nt.FAILURE_WORDS | nt.TECHNIQUE_WORDS.keys() | nt.WARMUP_WORDS | {"amrap"},
           key=len, reverse=True)
)
# Possessive: a word is always followed by a space, a colon or the end, so giving back
# some of its letters can never make a line match.
_WORD = r"[a-z]++(?:['-][a-z]++)*+"
_MEASURE = "|".join(sorted(nt.TIME_WORDS.keys() | nt.DISTANCE_WORDS.keys(), key=len, reverse=True))
_BW = r"(?:bw|bodyweight|body-weight)"
# One group of several: "175x5", "100kg x 5 x 3".
_GROUP = rf"{_NUM}{_SP}*(?:{_UNIT}|){_SP}*[x×*]{_SP}*\d+(?:{_SP}*[x×*]{_SP}*\d+|)"
# Every scheme starts with a digit or "b" (bw, bodyweight): the lookahead before them
# spares each word of the name a try at every scheme.
_LINE: Final = re.compile(
    rf"""{_SP}*(?P<name>{_WORD}(?:{_SP}+{_WORD})*?):?{_SP}+
    (?=[\db])
    (?:(?:(?P<ta>\d+){_SP}*[x×*]{_SP}*|)(?P<tv>{_NUM})(?P<tsp>{_SP}*)(?P<tu>{_MEASURE})(?![a-z])
      |(?:(?P<a>{_NUM})(?:(?P<apair>s(?![a-z]))|){_SP}*(?:(?P<au>{_UNIT})|)
         |(?P<abw>{_BW})(?:{_SP}*\+{_SP}*(?P<abwl>{_NUM}){_SP}*(?:(?P<abwu>{_UNIT})|)|))
       {_SP}*[x×*]{_SP}*
         (?:(?P<b>\d+)(?:-(?P<bh>\d+)|)(?:{_SP}*[x×*]{_SP}*(?P<c>\d+)|)|(?P<blist>{_LIST}))
      |(?P<multi>{_GROUP}(?:(?:{_SP}*,{_SP}*|{_SP}+){_GROUP})+)
      |(?P<sets>\d+){_SP}+sets?{_SP}+(?:(?:of|x){_SP}+|)(?P<sb>\d+)(?:-(?P<sbh>\d+)|)
         (?:{_SP}+reps?|)
      |(?P<list>{_LIST}))
    (?:{_SP}+(?:(?:(?P<lat>@{_SP}*)|)(?P<l>{_NUM}){_SP}*(?:(?P<lu>{_UNIT})|)
              |(?P<lbw>{_BW})(?:{_SP}*\+{_SP}*(?P<lbwl>{_NUM}){_SP}*(?:(?P<lbwu>{_UNIT})|)|)
              |\+{_SP}*(?P<lp>{_NUM}){_SP}*(?:(?P<lpu>{_UNIT})|))|)
    (?:{_SP}+(?:(?P<ew>rir|rpe){_SP}*(?P<ev>{_NUM}(?:-{_NUM}|)(?:{_SP}*[,/]{_SP}*{_NUM})*)
            |@{_SP}*rpe{_SP}*(?P<av>{_NUM}(?:-{_NUM}|))
            |(?P<sv>{_NUM}){_SP}*(?P<sw>rir|rpe)
            |@{_SP}*(?P<at>{_NUM})
            |(?:to{_SP}+|)(?P<mark>{_MARK_WORDS}))|)
    (?:{_SP}+(?P<day>{_DAY_WORDS}|\d{{4}}-\d{{1,2}}-\d{{1,2}})|)
    (?:{_SP}+(?P<words>{_WORD}(?:{_SP}+{_WORD})*)|)
    {_SP}*""",
    re.VERBOSE | re.ASCII,
)
_ONE_GROUP: Final = re.compile(
    rf"(?P<a>{_NUM}){_SP}*(?P<au>{_UNIT})?{_SP}*[x×*]{_SP}*(?P<b>\d+)(?:{_SP}*[x×*]{_SP}*(?P<c>\d+))?",
    re.ASCII,
)
_ASCII_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lowercased and nothing else changed, as ``LINE`` reads it
    (``str.lower`` would turn a few other letters, such as the Kelvin sign, into ASCII)."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


_G: Final = {name: index - 1 for name, index in _LINE.groupindex.items()}
(_NAME, _TA, _TV, _TSP, _TU, _A, _APAIR, _AU, _ABW, _ABWL, _ABWU, _B, _BH, _C, _BLIST, _MULTI,
 _SETS, _SB, _SBH, _LISTED, _LAT, _L, _LU, _LBW, _LBWL, _LBWU, _LP, _LPU, _EW, _EV, _AV, _SV,
 _SW, _AT, _MARK, _DAY) = (
    _G[k] for k in ("name", "ta", "tv", "tsp", "tu", "a", "apair", "au", "abw", "abwl", "abwu",
                    "b", "bh", "c", "blist", "multi", "sets", "sb", "sbh", "list", "lat", "l",
                    "lu", "lbw", "lbwl", "lbwu", "lp", "lpu", "ew", "ev", "av", "sv", "sw", "at",
                    "mark", "day")
)
_WORDS_AT: Final = _LINE.groupindex["words"]
_NAME_STOPS: Final = frozenset(
    nt.MARKER_WORDS | nt.WEEKDAYS.keys() | nt.RELATIVE_DAYS.keys() | nt.MONTHS.keys()
    | nt.LEADING_FILLERS | nt.DEGREE_WORDS | {"ago", "x", "max", "rest", "warm", "work", "rm",
                                             "day", "week", "wk", "session", "workout", "cycle",
                                             "phase", "block", "program", "set", "sets"}
    | {second for _, second in nt.LEADING_PAIRS}  # "back off squat": the full reader's
)
_UNITS: Final = nt.UNIT_WORDS
_SPLIT_LIST: Final = re.compile(rf"{_SP}*[,/]{_SP}*")
# The decimal commas of the lexer: a line holding one reads differently, so it goes on.
_COMMA_UNIT = r",[0-9]{1,2}(?=\s*(?:kg|lb|kilo|pound|#|x))"  # 102,5kg / 102,5x5
_AT_COMMA = r"@\s*[0-9]+,"  # @102,5 / @8,5
_DECIMAL_COMMA: Final = re.compile(
    rf"(?<![0-9,.])[0-9]+{_COMMA_UNIT}|{_AT_COMMA}|rpe\s*[0-9]+,5"
    r"|(?<![0-9,.x])(?:[2-9][0-9]|[1-9][0-9]{2}),5(?![0-9,])"
)
# What every match of _DECIMAL_COMMA holds from its comma (or its "@") on. Each of its
# parts starts with a character, so a search for it skips through a line quickly,
# where _DECIMAL_COMMA tries its lookbehinds at every position: most lines with a
# comma ("8,8,7", "175x5, 170x6") are done with this one.
_DECIMAL_COMMA_NEEDS: Final = re.compile(rf"{_COMMA_UNIT}|{_AT_COMMA}|,5")


def has_decimal_comma(lowered: str) -> bool:
    """Whether a line ``LINE`` matched (lowercased) holds one of the lexer's decimal
    commas."""
    return (_DECIMAL_COMMA_NEEDS.search(lowered) is not None
            and _DECIMAL_COMMA.search(lowered) is not None)
