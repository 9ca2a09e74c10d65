"""The exercise catalogue: find a lift by name, alias or near spelling, with its tier.

Lifters write the same lift many ways ("BSS", "bulgarians", "rear foot elevated split
squats"), so every name and alias is reduced to one normal form and indexed once at
construction. Lookups are dictionary hits; only text that misses every index falls
back to a close-spelling search, whose results are remembered.

Two rules keep a guess from changing the lift. Equipment words (``barbell``, ``db``,
``cable``, ``smith``, ``hammer strength``...; see :mod:`equipment`) are respected: a
name that says its equipment only ever reads as a lift on that equipment. And a close
spelling is taken as a lift only when it is a typo of it (at most one or two letters
added, dropped, changed or swapped, as in ``sqaut``) in words that are not themselves
words of the catalogue: ``decline press`` is never read as ``incline press``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from bot.domain.catalogue import data
from bot.domain.catalogue import equipment as eq
from bot.domain.catalogue.aliases import ALIASES
from bot.domain.catalogue.forms import compact as _compact
from bot.domain.catalogue.forms import normalize, plain, slugify
from bot.domain.catalogue.index import Index as _Index
from bot.domain.models import TIERS, Exercise, Tier

# Body-part words (short, few) are still read through a plain similarity of this much.
CONFIDENT_RATIO = 0.85
# From this similarity on, the closest name is worth one "did you mean?" question.
ASK_RATIO = 0.82
MAX_SUGGESTIONS = 3
# Shorter text is an abbreviation: it must match exactly, never by spelling.
MIN_FUZZY_LENGTH = 4
_MISS_MEMORY = 4096
_TIER_OF: dict[str, Tier] = {t: t for t in TIERS}

@dataclass(frozen=True)
class Lookup:
    """What a name resolved to.

    ``exercise`` is set for a confident match (``corrected`` when it was read through a
    misspelling). Otherwise ``ambiguous`` lists the lifts an abbreviation could mean,
    or ``suggestions`` the closest names; both empty means nothing is close.
    ``closest`` is the one suggestion close enough to ask about ("did you mean X?").
    """

    exercise: Exercise | None
    ambiguous: tuple[Exercise, ...] = ()
    suggestions: tuple[Exercise, ...] = ()
    corrected: bool = False
    closest: Exercise | None = None

    @property
    def unknown(self) -> bool:
        """True when the text names no exercise, so the caller keeps it as the user's own."""
        return self.exercise is None and not self.ambiguous


_NOTHING = Lookup(None)


class Catalogue:
    """Built-in exercises, optionally layered with one lifter's own.

    Search order for a name: built-in names and aliases, built-in ambiguous
    abbreviations, the lifter's own names, then the same with spaces ignored; then the
    name with its equipment words moved or left out (the lift must be on that
    equipment); last a close-spelling match over everything.
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
        self._misses: dict[tuple[str, str], Lookup] = {}

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
        found = self._exact(form)
        if found is not None:
            return found
        named = eq.split(form)
        if named.kinds:
            found = self._with_equipment(named)
            if found is not None:
                return found
        typed = plain(text)
        found = self._misses.get((form, typed))
        if found is None:
            found = self._by_spelling(form, typed, named)
            if len(self._misses) >= _MISS_MEMORY:
                self._misses.clear()
            self._misses[(form, typed)] = found
        return found

    def close_match(self, text: str) -> Exercise | None:
        """The lift to ask about when ``text`` names nothing: "did you mean X?".

        None when the text names a lift (or an ambiguous abbreviation) already, and
        when nothing is close enough to be worth the question; then keeping the text as
        the lifter's own exercise is right.
        """
        return self.lookup(text).closest

    def _exact(self, form: str) -> Lookup | None:
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
        return None

    def _with_equipment(self, named: eq.Named) -> Lookup | None:
        """``bench press barbell``, ``barbell bench press``: the equipment moved to every
        place of the name, then the name without it if that lift is on this equipment."""
        rest = list(named.rest)
        blocks = [tuple(w for p in named.phrases for w in p)]
        blocks.append(tuple(w for k in sorted(named.kinds) for w in eq.CANONICAL.get(k, (k,))))
        for block in dict.fromkeys(blocks):
            for i in range(len(rest) + 1):
                found = self._exact(" ".join((*rest[:i], *block, *rest[i:])))
                if found is not None and found.exercise is not None:
                    return found
        if not rest:
            return None
        bare = " ".join(rest)
        found = self._exact(bare)
        if found is None:
            return None
        fitting = [e for e in (found.exercise, *found.ambiguous)
                   if e is not None and eq.fits(named.kinds, e.equipment, bare)]
        if len(fitting) == 1:
            return Lookup(fitting[0])
        return Lookup(None, ambiguous=tuple(fitting)) if fitting else None

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
        return tuple(e for _, e in self._scored((form,), frozenset())[:limit])

    def _exercise(self, key: str) -> Exercise:
        found = self.get(key)
        assert found is not None
        return found

    def _known(self, word: str) -> bool:
        return word in self._base.words or word in self._own.words

    def _scored(
        self, probes: tuple[str, ...], kinds: frozenset[str]
    ) -> list[tuple[float, Exercise]]:
        """Exercises whose names are spelled like a probe, best first, one entry each."""
        if len(probes[0]) < MIN_FUZZY_LENGTH:
            return []
        best = dict(self._base.close(probes, kinds))
        for key, ratio in self._own.close(probes, kinds).items():
            best[key] = max(ratio, best.get(key, 0.0))
        ordered = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(ratio, self._exercise(key)) for key, ratio in ordered]

    def _by_spelling(self, form: str, plain: str, named: eq.Named) -> Lookup:
        """A typo of one lift is that lift; otherwise the closest names, those holding
        every known word written (on the equipment written) first."""
        if len(form) >= MIN_FUZZY_LENGTH:
            typos: dict[str, int] = {}
            for probe in dict.fromkeys((form, plain)):
                for index in (self._base, self._own):
                    for key, edits in index.typos(probe, self._known).items():
                        typos[key] = min(edits, typos.get(key, edits))
            if typos:
                fewest = min(typos.values())
                best = [k for k, n in typos.items() if n == fewest]
                if len(best) == 1:
                    return Lookup(self._exercise(best[0]), corrected=True)
        block = tuple(w for p in named.phrases for w in p)
        probes = (form, " ".join((*block, *named.rest))) if named.kinds else (form,)
        scored = self._scored(probes, named.kinds)
        required = tuple(w for w in named.rest if self._known(w))
        keys = None if named.kinds and required else [e.key for _, e in scored]
        covering = (self._base.covering(named.kinds, required, keys)
                    | self._own.covering(named.kinds, required, keys))
        if keys is None:  # on that equipment, however far the spelling
            scored += [(0.0, self._exercise(k)) for k in sorted(covering)
                       if all(e.key != k for _, e in scored)]
        if not scored:
            return _NOTHING
        scored.sort(key=lambda r: (r[1].key not in covering, -r[0]))
        top_ratio, top = scored[0]
        closest = top if top.key in covering and top_ratio >= ASK_RATIO else None
        return Lookup(None, suggestions=tuple(e for _, e in scored[:MAX_SUGGESTIONS]),
                      closest=closest)


__all__ = [
    "ASK_RATIO", "CONFIDENT_RATIO", "Catalogue", "Lookup", "built_in_exercises",
    "default_catalogue", "normalize", "slugify",
]

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
