"""The lifter's own words in a log line: what is set apart from the sets, and kept.

A note is never read as notation: a date, a load or a number of reps inside it stays
text. ``split_note`` takes out what punctuation sets apart, before tokenizing:

- text in double quotes (``"felt easy"``, ``“…”``), and everything after ``//``;
- text in parentheses or brackets (``(super slow)``, ``(90s rest)``, ``(90 sec)``),
  unless it is part of the name as apps write it (``Bench Press (Dumbbell)``, ``Pull
  Up (Weighted)``: read as the catalogue's lift) or reads as notation: right after an
  ``x`` (``185lbx(5,2)``), or holding only notation words with an x, a unit or an
  effort (``(x 3)``, ``(60kg)``, ``(rir 2)``), or words alone (``(warm up)``);
- after a dash with spaces around it (``- felt heavy``, ``– knee ok``) when the next word
  is no notation and no exercise (``Squat - 100kg - 5x5`` keeps its dashes);
- a tag (``#legday``) and a comment after ``# `` (``225#`` is pounds);
- trailing ``!!`` and ``*`` marks, and PR marks (``PR``, ``PB``, ``new pr``), which also
  set ``LogEntry.pr``;
- a label before the exercise name (``A1.``, ``1b)``, ``2.``); a set number (``Set 2:``,
  or ``2:`` before the load, as apps write it) is dropped, since the reply lists sets in
  order; a web address, whole; the program name ``5/3/1``, anywhere;
- the planned part of an AMRAP written as planned and done (``1+: 4`` and ``1+ (4)``
  are read as ``4+``, and "1+ planned" goes to the note);
- a percentage (``@ 80%``, ``75% of 1rm``): a share of a max the bot does not know,
  never a load;
- a handle (``@hevyapp``, the signature a workout app adds to what it shares);
- a rest written before its time (``rest 90s``, ``rest 2 min``), wherever it stands;
- a pair of dumbbells or kettlebells before the sets (``db bench 2x25kg 3x10``): kept
  in the note, the load read as one of them (``@25kg``).

Plain words after a complete set description are a note too (``squat 5x5 felt good``);
the grammar finds where they start, with ``is_notation_word`` and ``plain_note_start``
deciding which words belong to the notation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from bot.domain.catalogue.app_names import app_name
from bot.domain.notation import words as nt
from bot.domain.notation.lexer import Token, normalize, tokenize

if TYPE_CHECKING:
    from bot.domain.catalogue.lookup import Catalogue

__all__ = ["NOTE_LEAD", "Split", "back_over_fillers", "has_pr_mark", "is_notation_word",
           "plain_note_start", "rest_time_at", "second_exercise", "split_note"]


class Split(NamedTuple):
    """A line with its note pieces taken out (``notation`` keeps the original case)."""

    notation: str
    notes: tuple[str, ...] = ()
    pr: bool = False


# Anything that may start a note or a label; the pieces are then looked at one by one.
_TRIGGER: Final = re.compile(
    r"""[()\[\]"“”!%]|//|\s[-–—]+\s|\#|\*\s*$|\+\s*:|^\s*[-–—•·*]\s|5/3/1
    |(?<![^\W\d_])(?:pr|pb)s?(?![^\W\d_])
    |^\s*(?:set\s*\d|[a-z]?\d{1,2}[a-z]?[.):]|[a-z]\d{1,2}\s|5/3/1)""",
    re.IGNORECASE | re.VERBOSE,
)
_PR_HINT: Final = re.compile(r"p[rb]s?\b")  # fast: a possible PR mark in lower case
_NOTE_CHARS: Final = re.compile(r'[()\[\]"“”!#*:%]')
_SURE_MARKS: Final = frozenset('()[]"“”!%#')  # those of _NOTE_CHARS that _TRIGGER takes alone
_LEAD: Final = re.compile(
    r"\s*(?:[sS][eE][tT]\s*\d|[a-zA-Z]?\d{1,2}[a-zA-Z]?[.):]|[a-zA-Z]\d{1,2}\s|5/3/1|[-–—•·]\s)"
)
_LABEL: Final = re.compile(
    r"""^\s*(?:
        (?P<ordinal>set\s*\d{1,2}\s*[.):-]?)\s+
       |(?P<number>\d{1,2}:)\s+(?=\d)
       |(?P<label>(?:[a-z]\d{1,2}[a-z]?|\d{1,2}[a-z]?|[a-z])[.):]|[a-z]\d{1,2}|\#\d{1,2}|5/3/1:?)
        \s+(?=[^\W\d_])
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_PROGRAM: Final = re.compile(r"(?<![\d/])5/3/1(?![\d/])")  # Wendler's program, not reps
_BULLET: Final = re.compile(r"^\s*[-–—•·*]\s+")
_QUOTED: Final = re.compile(r'"([^"]*)"?|“([^”]*)”?')
_BRACKETED: Final = re.compile(
    r"((?:(?<![^\W\d_])|(?<=kg)|(?<=lb)|(?<=lbs))x\s*)?[(\[]([^()\[\]]*)(?:[)\]]|$)",
    re.IGNORECASE,
)
_SPACED_DASH: Final = re.compile(r"\s[-–—]+\s")
_HASH_NOTE: Final = re.compile(r"(?:^|(?<=\s))#\s*(?=[^\W\d_])(?!x\s*\d)", re.IGNORECASE)
_HASH_TAG: Final = re.compile(r"#[^\W\d_][\w-]*")
_TRAILING_MARKS: Final = re.compile(r"(?:(?<=\s)|(?<=\d)|^)(!+|\*+)\s*$|(?<=\s)(!+)(?=\s)")
_PR_MARK: Final = re.compile(
    r"(?<![^\W\d_])(?:new\s+)?(?:pr|pb)s?(?![^\W\d_])[!.]*", re.IGNORECASE
)
_PERCENT: Final = re.compile(
    r"@?\s*\d+(?:[.,]\d+)?\s*%(?:\s*(?:of\s+)?(?:e?1rm|max|tm|training\s+max))?",
    re.IGNORECASE,
)
_HANDLE: Final = re.compile(  # not @rpe8, @rir2, @bw, @bodyweight: those are notation
    r"(?<!\S)@(?!(?:rpe|rir|bw|body)|[0-9])[a-z_][\w.]{2,}", re.IGNORECASE)
_NAME_BRACKET: Final = re.compile(r"^\s*(?P<name>[^\d()\[\]@]+?)\s*\((?P<inside>[^()\d]+)\)")
_ADDRESS: Final = re.compile(r"\bhttps?://\S+", re.IGNORECASE)
# "db bench 2x25kg 3x10": a pair of dumbbells before the sets, the load of one.
_PAIR: Final = re.compile(
    r"(?<![\w.])2\s*x\s*(\d+(?:\.\d+)?\s*(?:kg|lbs?))(?=\s+\d+\s*x\s*\d)", re.IGNORECASE)
_HANDHELD: Final = re.compile(r"\b(?:dbs?|dumbbells?|kbs?|kettlebells?)\b", re.IGNORECASE)
_REST_TIME: Final = re.compile(  # "rest 90s", "rest 2 min", "rest: 1:30", anywhere
    r"\brest(?:ed)?\s*:?\s*(?:\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?)\b"
    r"|\d{1,2}:[0-5]\d)", re.IGNORECASE)
_BREAK_WORDS: Final = frozenset({"rest", "pause", "paused"})
_PLANNED_AMRAP: Final = re.compile(r"(\d+)\+\s*:\s*(\d+)")
# After a load (a number above the 10 sets "A x B" may count, or with its unit): in
# "3x5+ (7)" the 7 would make every set 7, so that one is left to the note.
_AMRAP_GOT: Final = re.compile(
    r"((?:\d{3,}|1[1-9]|[2-9]\d|\d+(?:\.\d+)?\s*(?:kg|lbs?))(?:\.\d+)?\s*x\s*)"
    r"(\d+)\+\s*\(\s*(\d+)\s*(?:reps?)?\s*\)", re.IGNORECASE)
# Tokens in parentheses that make them notation rather than a note.
_SCHEME_KINDS: Final = frozenset({"x", "at"})
# (A duration alone in parentheses is a rest time, a note: "(90 sec)".)
_SCHEME_WORDS: Final = frozenset(nt.UNIT_WORDS.keys() | nt.EFFORT_WORDS | {"rm"})
# Words a note may start with when they sit right before its first unknown word.
NOTE_LEAD: Final = frozenset(
    (nt.FILLER_WORDS - nt.SETS_WORDS - nt.REPS_WORDS) | nt.NOTATION_SKIP_WORDS
    | {"about", "around", "is"}
)


def has_pr_mark(text: str) -> bool:
    return _PR_MARK.search(text) is not None


def _note_look(raw: str) -> int:
    """A fast first look (most lines hold no note), cheap tests before ``_TRIGGER``: 0
    when no note can be there, 2 when a note piece surely is (``_TRIGGER``'s pass over
    the whole line is spared), 1 when ``_TRIGGER`` decides."""
    found = _NOTE_CHARS.search(raw)
    if (found is not None and found.group() in _SURE_MARKS) or "//" in raw or "5/3/1" in raw:
        return 2
    if " - " in raw or " – " in raw or " — " in raw or " -- " in raw:
        return 2
    if found is not None or _LEAD.match(raw) is not None:
        return 1
    low = raw.lower()
    pr = _PR_HINT.search(low) is not None and _PR_MARK.search(raw) is not None
    return 2 if pr or _words_apart(raw, low) else 0


def _words_apart(raw: str, low: str) -> bool:
    """A handle, a rest before its time, a pair of dumbbells: pieces no punctuation sets
    apart (each tested only when the line holds what it needs)."""
    if "@" in raw and _HANDLE.search(raw) is not None:
        return True
    if "rest" in low and _REST_TIME.search(low) is not None:
        return True
    return (("2x" in low or "2 x" in low) and ("db" in low or "bell" in low or "kb" in low)
            and _PAIR.search(low) is not None and _HANDHELD.search(low) is not None)


def split_note(raw: str, catalogue: Catalogue) -> Split:
    """Take the note pieces out of one line (see the module notes)."""
    look = _note_look(raw)
    if not look or (look == 1 and _TRIGGER.search(raw) is None
                    and not _words_apart(raw, raw.lower())):
        return Split(raw)
    notes: list[str] = []
    text = _BULLET.sub("", raw, count=1)
    label = _LABEL.match(text)
    if label is not None:
        if label.group("label"):
            notes.append(label.group("label").rstrip(".):"))
        text = text[label.end():]
    # Each pattern below needs a character of its own: a line without it skips the pass.
    if "://" in text:
        text = _ADDRESS.sub(lambda m: _keep(notes, m.group(0)), text)
    if '"' in text or "“" in text:
        text = _QUOTED.sub(lambda m: _keep(notes, m.group(1) or m.group(2) or ""), text)
    if "5/3/1" in text:
        text = _PROGRAM.sub(lambda m: _keep(notes, m.group(0)), text)
    cut = text.find("//")
    if cut >= 0:
        notes.append(text[cut + 2:].strip())
        text = text[:cut]
    if "(" in text:
        text = _app_name(text, notes, catalogue)
        if "+" in text:  # "175x5+ (8)": the AMRAP set got 8
            text = _AMRAP_GOT.sub(lambda m: m.group(1) + _planned(notes, m, 2), text)
    if "(" in text or "[" in text:
        text = _BRACKETED.sub(lambda m: _bracket(notes, m), text)
    if "@" in text:
        text = _HANDLE.sub(lambda m: _keep(notes, m.group(0)), text)
    if "rest" in text.lower():
        text = _REST_TIME.sub(lambda m: _keep(notes, m.group(0)), text)
    if "2" in text and _HANDHELD.search(text) is not None:
        text = _PAIR.sub(lambda m: _keep(notes, m.group(0)) + "@" + m.group(1) + " ", text)
    if "%" in text:
        text = _PERCENT.sub(lambda m: _keep(notes, m.group(0).strip().lstrip("@").strip()),
                            text)
    text = _after_dash(text, notes, catalogue)
    hashed = _HASH_NOTE.search(text) if "#" in text else None
    if hashed is not None:
        tag = _HASH_TAG.match(text, hashed.start())
        if tag is not None:  # "#legday": a tag, one word
            notes.append(tag.group(0))
            text = text[:tag.start()] + " " + text[tag.end():]
        else:  # "# felt good": a comment, to the end of the line
            notes.append(text[hashed.start():].strip())
            text = text[:hashed.start()]
    if "!" in text or "*" in text:
        text = _TRAILING_MARKS.sub(lambda m: _keep(notes, m.group(1) or m.group(2) or ""),
                                   text)
    planned = _PLANNED_AMRAP.search(text) if "+" in text else None
    if planned is not None:
        text = text[:planned.start()] + _planned(notes, planned) + text[planned.end():]
    pr = False
    low = text.lower()
    marks = [m.group(0) for m in _PR_MARK.finditer(text)] if "pr" in low or "pb" in low else []
    if marks:
        pr = True
        notes.extend(marks)
        text = _PR_MARK.sub(" ", text)
    pieces = tuple(p for p in (n.strip() for n in notes) if p)
    return Split(text.strip(), pieces, pr or any(has_pr_mark(p) for p in pieces))


def _planned(notes: list[str], match: re.Match[str], first: int = 1) -> str:
    """``1+: 4``, ``175x5+ (8)``: an AMRAP written as planned and done is read as done
    (the planned reps in group ``first``, the reps done in the next)."""
    notes.append(f"{match.group(first)}+ planned")
    return match.group(first + 1) + "+"


def _keep(notes: list[str], piece: str) -> str:
    notes.append(piece)
    return " "


def _bracket(notes: list[str], match: re.Match[str]) -> str:
    after_x, content = match.group(1), match.group(2)
    if after_x or _reads_as_notation(content):
        return (after_x or "") + " " + content + " "
    notes.append(content)
    return " "


def _app_name(text: str, notes: list[str], catalogue: Catalogue) -> str:
    """A line that opens with a lift named as apps name it (``Bench Press (Dumbbell)``,
    ``Pull Up (Weighted)``, see :mod:`bot.domain.catalogue.app_names`): the line with
    the catalogue's name for that lift in front; a bracket of equipment alone stays in
    the name when no lift fits (the lifter's own, as an import keeps it). A detail after
    a dash in the bracket goes to the note."""
    match = _NAME_BRACKET.match(text)
    app = None if match is None else app_name(match.group(0))
    if match is None or app is None:
        return text
    name = None
    for reading in (*app.placed(), app.plain()):
        found = catalogue.lookup(reading)
        if found.exercise is not None and not found.corrected and not found.exercise.custom:
            name = found.exercise.name
            break
    if name is None and app.only_equipment:
        name = app.plain().replace(" - ", " ")  # one name: no dash for a note to start at
    if name is None:
        return text
    if app.detail:
        notes.append(app.detail)
    return name + " " + text[match.end():]


def _reads_as_notation(content: str) -> bool:
    tokens, _ = tokenize(normalize(content))
    if not tokens:
        return False
    numbers = False
    anchored = False
    for i, tok in enumerate(tokens):
        if tok.kind == "word":
            if not is_notation_word(tokens, i):
                return False
            anchored = anchored or tok.text in _SCHEME_WORDS
        elif tok.kind in ("num", "clock", "date"):
            numbers = True
        elif tok.kind in _SCHEME_KINDS:
            anchored = True
    return anchored or not numbers


def _after_dash(text: str, notes: list[str], catalogue: Catalogue) -> str:
    for match in _SPACED_DASH.finditer(text):
        rest = text[match.end():]
        tokens, _ = tokenize(normalize(rest))
        k = 0
        while k < len(tokens) and (tokens[k].kind in ("day", "date") or (
            tokens[k].kind == "word" and tokens[k].text in NOTE_LEAD
        )):
            k += 1  # "- today was rough", "- and it hurt": words that open a note
        if k >= len(tokens) or tokens[k].kind != "word" or is_notation_word(tokens, k):
            continue
        first = tokens[k].text
        lookup = catalogue.lookup(first)
        if lookup.exercise is not None or lookup.ambiguous:
            continue
        notes.append(rest.strip())
        return text[:match.start()]
    return text


def is_notation_word(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` is read (or knowingly skipped) by the notation."""
    word = tokens[i].text
    if word in nt.NOTATION_WORDS:
        return True
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].text if i > 0 else ""
    if word == "rest":
        return nxt == "pause"
    if word == "pause":
        return prev == "rest"
    if word == "warm":
        return nxt in ("up", "ups")
    if word in ("am", "pm"):
        return tokens[i - 1].kind == "clock" if i > 0 else False  # "at 7:05 am"
    return word in nt.AMBIGUOUS_NOTATION


def back_over_fillers(tokens: list[Token], i: int, floor: int) -> int:
    """Move a note's start back over the filler words just before it ("and it was")."""
    while i > floor and tokens[i - 1].kind == "word" and tokens[i - 1].text in NOTE_LEAD:
        i -= 1
    return i


def plain_note_start(tokens: list[Token], start: int, catalogue: Catalogue) -> int | None:
    """Where plain words after the sets start a note (the first unknown word after a
    number, or a rest time: ``90s rest``), or None. A known exercise followed by
    numbers is left to the grammar, which points it out as a second exercise."""
    seen_number = False
    n = len(tokens)
    known = nt.NOTATION_WORDS
    for i in range(start, n):
        tok = tokens[i]
        kind = tok.kind
        if kind == "num" or kind == "clock":
            if seen_number and (tok.pair or kind == "clock" or (
                i + 1 < n and tokens[i + 1].text in nt.TIME_WORDS
            )) and rest_time_at(tokens, i):
                return back_over_fillers(tokens, i, start)
            seen_number = True
        elif seen_number and kind == "word" and tok.text not in known \
                and not is_notation_word(tokens, i):
            later = any(t.kind == "num" for t in tokens[i + 1:])
            if later and second_exercise(tokens, i, catalogue) is not None:
                return None
            return back_over_fillers(tokens, i, start)
    return None


def rest_time_at(tokens: list[Token], i: int) -> bool:
    """``90s rest``, ``2 min rest``, ``1:30 rest``, ``3 sec pause``: a rest or a pause
    at ``i`` (part of a note, never a timed set)."""
    j = i + 1
    if j < len(tokens) and tokens[j].text in nt.TIME_WORDS:
        j += 1
    elif not (tokens[i].pair or tokens[i].kind == "clock"):
        return False
    return j < len(tokens) and tokens[j].text in _BREAK_WORDS


def second_exercise(tokens: list[Token], i: int, catalogue: Catalogue) -> str | None:
    """The known exercise named by the words around ``i`` (``leg press``, ``bench``)."""
    first = back_over_fillers(tokens, i, 0)
    stop = i
    while stop < len(tokens) and tokens[stop].kind == "word":
        stop += 1
    words = [t.text for t in tokens[first:stop]]
    while words:
        found = catalogue.lookup(" ".join(words))
        if found.exercise is not None or found.ambiguous:
            return " ".join(words)
        words.pop()
    return None
