"""The exercise catalogue: find a lift by name, alias or near spelling, with its tier.

Lifters write the same lift many ways ("BSS", "bulgarians", "rear foot elevated split
squats"), so every name and alias is reduced to one normal form and indexed once at
construction. Lookups are dictionary hits; only text that misses every index falls
back to a close-spelling search, whose results are remembered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from bot.domain.catalogue import data
from bot.domain.catalogue.aliases import ALIASES
from bot.domain.models import TIERS, Exercise, Tier

# A spelling at least this similar to a known name is taken as that name...
CONFIDENT_RATIO = 0.85
# ...unless another exercise scores within this margin of it (then we only suggest).
CONFIDENT_MARGIN = 0.03
# Below this a name is not even worth suggesting.
SUGGEST_RATIO = 0.6
MAX_SUGGESTIONS = 3
# Shorter text is an abbreviation: it must match exactly, never by spelling.
MIN_FUZZY_LENGTH = 4
# Known spellings shorter than this are never guessed at ("chains" is not "chin").
MIN_GUESS_LENGTH = 5
_FUZZY_MEMORY = 4096

_SEPARATORS = re.compile(r"[\W_]+")
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
# Trailing "s" that is not a plural.
_NOT_PLURAL = frozenset({"abs", "bis", "tris", "kbs", "ohs"})
_IRREGULAR = {"flyes": "fly", "flye": "fly", "flies": "fly", "calves": "calf"}
_SHORTHAND = {"db": "dumbbell", "bb": "barbell", "kb": "kettlebell", "bicep": "biceps",
              "tricep": "triceps"}
_TIER_OF: dict[str, Tier] = {t: t for t in TIERS}


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 3 or not word.endswith("s") or word in _NOT_PLURAL:
        return word
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """One spelling for equal names: case, punctuation, spacing and plurals ignored.

    ``"Back-Squats"``, ``"back  squat"`` and ``"BACK SQUAT"`` all give ``"back squat"``;
    common shorthand is spelled out (``db`` -> ``dumbbell``, ``one arm`` -> ``single arm``).
    """
    lowered = text.lower().translate(_APOSTROPHES).replace("&", " and ")
    words: list[str] = []
    for raw in _SEPARATORS.split(lowered):
        if not raw:
            continue
        word = _singular(raw)
        word = _SHORTHAND.get(word, word)
        if word in ("arm", "leg") and words and words[-1] in ("one", "1"):
            words[-1] = "single"
        words.append(word)
    return " ".join(words)


def _compact(normal: str) -> str:
    return normal.replace(" ", "")


def slugify(name: str) -> str:
    """A stable key for a name: ``"Farmer's Carry"`` -> ``"farmers-carry"``."""
    lowered = name.lower().translate(_APOSTROPHES).replace("&", " and ")
    return "-".join(part for part in _SEPARATORS.split(lowered) if part)


@dataclass(frozen=True)
class Lookup:
    """What a name resolved to.

    ``exercise`` is set for a confident match (``corrected`` when it was read through a
    misspelling). Otherwise ``ambiguous`` lists the lifts an abbreviation could mean,
    or ``suggestions`` the closest names; both empty means nothing is close.
    """

    exercise: Exercise | None
    ambiguous: tuple[Exercise, ...] = ()
    suggestions: tuple[Exercise, ...] = ()
    corrected: bool = False

    @property
    def unknown(self) -> bool:
        """True when the text names no exercise, so the caller keeps it as the user's own."""
        return self.exercise is None and not self.ambiguous


_NOTHING = Lookup(None)


class _Index:
    """Dictionaries from normal forms to keys for one group of exercises."""

    def __init__(
        self, exercises: Iterable[Exercise], ambiguous: Mapping[str, Iterable[str]], strict: bool
    ) -> None:
        self.by_key: dict[str, Exercise] = {}
        self.exact: dict[str, str] = {}
        self.compact: dict[str, str] = {}
        self.ambiguous: dict[str, tuple[str, ...]] = {}
        self.rows: list[tuple[Exercise, tuple[str, ...]]] = []
        self.spellings: list[tuple[str, str]] = []
        self._choices: list[str] = []
        self._memory: dict[str, dict[str, float]] = {}
        clashes: set[str] = set()
        for exercise in exercises:
            if exercise.key in self.by_key:
                if strict:
                    raise ValueError(f"duplicate exercise key {exercise.key!r}")
                continue
            self.by_key[exercise.key] = exercise
            forms = self._forms(exercise)
            self.rows.append((exercise, forms))
            for form in forms:
                owner = self.exact.setdefault(form, exercise.key)
                if owner != exercise.key and strict:
                    raise ValueError(f"{form!r} names both {owner!r} and {exercise.key!r}")
                squeezed = _compact(form)
                if self.compact.setdefault(squeezed, exercise.key) != exercise.key:
                    clashes.add(squeezed)
        for squeezed in clashes:
            del self.compact[squeezed]
        self.spellings = [
            (form, key) for form, key in self.exact.items() if len(form) >= MIN_GUESS_LENGTH
        ]
        self._choices = [form for form, _ in self.spellings]
        for text, keys in ambiguous.items():
            candidates = tuple(keys)
            missing = [k for k in candidates if k not in self.by_key]
            if missing:
                raise ValueError(f"ambiguous {text!r} points at unknown keys {missing}")
            form = normalize(text)
            if form in self.exact:
                raise ValueError(f"{text!r} is both an alias and ambiguous")
            self.ambiguous[form] = candidates
            self.ambiguous[_compact(form)] = candidates

    @staticmethod
    def _forms(exercise: Exercise) -> tuple[str, ...]:
        texts = (exercise.name, exercise.key, *exercise.aliases)
        forms = (normalize(t) for t in texts)
        return tuple(dict.fromkeys(f for f in forms if f))

    def close(self, form: str) -> dict[str, float]:
        """Keys spelled like ``form`` with their best difflib ratio (remembered)."""
        found = self._memory.get(form)
        if found is None:
            found = self._compare(form)
            if len(self._memory) >= _FUZZY_MEMORY:
                self._memory.clear()
            self._memory[form] = found
        return found

    def _compare(self, form: str) -> dict[str, float]:
        # rapidfuzz's ratio is the same normalised similarity as difflib's, computed in
        # compiled code: a close-spelling search over every spelling costs microseconds,
        # so a long message full of unknown names cannot stall the bot.
        best: dict[str, float] = {}
        found = process.extract(
            form, self._choices, scorer=fuzz.ratio, score_cutoff=SUGGEST_RATIO * 100,
            limit=None,
        )
        for _, score, index in found:
            key = self.spellings[index][1]
            ratio = score / 100
            if ratio > best.get(key, 0.0):
                best[key] = ratio
        return best


class Catalogue:
    """Built-in exercises, optionally layered with one lifter's own.

    Search order for a name: built-in names and aliases, built-in ambiguous
    abbreviations, the lifter's own names, then the same with spaces ignored, and
    last a close-spelling match over everything.
    """

    def __init__(
        self,
        exercises: Iterable[Exercise],
        *,
        ambiguous: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._setup(_Index(exercises, ambiguous or {}, strict=True), _Index((), {}, strict=False))

    def _setup(self, base: _Index, own: _Index) -> None:
        self._base = base
        self._own = own
        self._shown = [*base.by_key.values(), *own.by_key.values()]

    def with_custom(self, customs: Iterable[Exercise]) -> Catalogue:
        """A catalogue that also knows the lifter's own exercises.

        A custom exercise whose key is a built-in key is ignored (the built-in is the
        same lift); any earlier customs of this catalogue are kept unless replaced.
        """
        added = [e for e in customs if e.key not in self._base.by_key]
        if not added:
            return self  # immutable: most lifters have no exercises of their own
        mine = {e.key: e for e in self._own.by_key.values()}
        mine.update((e.key, e) for e in added)
        layered = Catalogue.__new__(Catalogue)
        layered._setup(self._base, _Index(mine.values(), {}, strict=False))
        return layered

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._shown)

    def __len__(self) -> int:
        return len(self._shown)

    def get(self, key: str) -> Exercise | None:
        """The exercise stored under ``key`` (built-in or the lifter's own)."""
        return self._base.by_key.get(key) or self._own.by_key.get(key)

    def lookup(self, text: str) -> Lookup:
        """Resolve what a lifter wrote to one exercise, a choice, or suggestions."""
        form = normalize(text)
        if not form:
            return _NOTHING
        base, own = self._base, self._own
        for probe, base_table, own_table in (
            (form, base.exact, own.exact), (_compact(form), base.compact, own.compact)
        ):
            if probe in base_table:
                return Lookup(base.by_key[base_table[probe]])
            if probe in base.ambiguous:
                return Lookup(None, ambiguous=tuple(base.by_key[k] for k in base.ambiguous[probe]))
            if probe in own_table:
                return Lookup(own.by_key[own_table[probe]])
        return self._by_spelling(form)

    def search(self, prefix_or_text: str, limit: int = 25) -> tuple[Exercise, ...]:
        """Exercises for autocomplete: exact, then prefix, then substring matches.

        With nothing typed, the first ``limit`` names alphabetically; with no match at
        all, the closest spellings.
        """
        if limit <= 0:
            return ()
        form = normalize(prefix_or_text)
        if not form:
            return tuple(sorted(self._shown, key=lambda e: e.name)[:limit])
        words = form.split()
        ranked: list[tuple[int, int, str, Exercise]] = []
        for exercise, forms in (*self._base.rows, *self._own.rows):
            rank = min(_search_rank(form, words, f, i == 0) for i, f in enumerate(forms))
            if rank < _NO_MATCH:
                ranked.append((rank, len(exercise.name), exercise.name, exercise))
        if ranked:
            ranked.sort(key=lambda r: r[:3])
            return tuple(r[3] for r in ranked[:limit])
        return tuple(e for _, e in self._scored(form)[:limit])

    def _exercise(self, key: str) -> Exercise:
        found = self.get(key)
        assert found is not None
        return found

    def _scored(self, form: str) -> list[tuple[float, Exercise]]:
        """Exercises whose names are spelled like ``form``, best first, one entry each."""
        if len(form) < MIN_FUZZY_LENGTH:
            return []
        best = dict(self._base.close(form))
        for key, ratio in self._own.close(form).items():
            best[key] = max(ratio, best.get(key, 0.0))
        ordered = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(ratio, self._exercise(key)) for key, ratio in ordered]

    def _by_spelling(self, form: str) -> Lookup:
        scored = self._scored(form)
        if not scored:
            return _NOTHING
        top_ratio, top = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if top_ratio >= CONFIDENT_RATIO and top_ratio - runner_up > CONFIDENT_MARGIN:
            return Lookup(top, corrected=True)
        return Lookup(None, suggestions=tuple(e for _, e in scored[:MAX_SUGGESTIONS]))


_NO_MATCH = 9


def _search_rank(form: str, words: list[str], candidate: str, is_name: bool) -> int:
    """0 same text, 1-2 prefix of the name/an alias, 3-4 substring, 5 all words inside."""
    if candidate == form:
        return 0
    if candidate.startswith(form):
        return 1 if is_name else 2
    if form in candidate:
        return 3 if is_name else 4
    if all(w in candidate for w in words):
        return 5
    return _NO_MATCH


def _exercise_from_row(row: data.Row) -> Exercise:
    name, tier, equipment, primary, secondary = row
    if tier not in _TIER_OF:
        raise ValueError(f"{name}: unknown tier {tier!r}")
    aliases = ALIASES.get(name, "")
    return Exercise(
        key=slugify(name),
        name=name,
        tier=_TIER_OF[tier],
        primary=tuple(data.MUSCLE_CODES[c] for c in primary.split()),
        secondary=tuple(data.MUSCLE_CODES[c] for c in secondary.split()),
        aliases=tuple(a for a in aliases.split("|") if a),
        equipment=equipment or None,
    )


def built_in_exercises() -> tuple[Exercise, ...]:
    """Every built-in exercise, in catalogue order (tier A first)."""
    return tuple(_exercise_from_row(row) for row in data.EXERCISES)


@cache
def default_catalogue() -> Catalogue:
    """The built-in catalogue, built once per process."""
    return Catalogue(built_in_exercises(), ambiguous=data.AMBIGUOUS)
