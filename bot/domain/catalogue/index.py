"""One group of exercises indexed by every spelling: exact forms, squeezed forms, and the
close-spelling searches (typos, similar names) the catalogue falls back on.

rapidfuzz does the comparing in compiled code: a search over every spelling costs
microseconds, so a long message full of unknown names cannot stall the bot. Typos are
searched only among spellings of about the same length.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.domain.catalogue import equipment as eq
from bot.domain.catalogue.forms import compact as _compact
from bot.domain.catalogue.forms import normalize
from bot.domain.models import Exercise

# A typo is a few edits (letters added, dropped, changed or two swapped) away from a
# known spelling: none below 5 letters, one up to 7, two from 8 (spaces not counted).
TYPO_EDITS = ((8, 2), (5, 1))
# Below this a name is not even worth suggesting.
SUGGEST_RATIO = 0.6
# Known spellings shorter than this are never guessed at ("chains" is not "chin").
MIN_GUESS_LENGTH = 5
_FUZZY_MEMORY = 4096


def _typo_edits(length: int) -> int:
    return next((edits for least, edits in TYPO_EDITS if length >= least), 0)


def _word_edits(length: int) -> int:
    """Edits one misspelt word may account for: none in 3 letters, two from 6."""
    return 0 if length < 4 else 1 if length < 6 else 2


class Index:
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
        self.words: frozenset[str] = frozenset()
        self._choices: list[str] = []
        self._memory: dict[tuple[tuple[str, ...], frozenset[str]], dict[str, float]] = {}
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
        self._row = {exercise.key: (exercise, forms) for exercise, forms in self.rows}
        self._choices = [form for form, _ in self.spellings]
        # Spellings by squeezed length: a typo of n letters is n - 2 to n + 2 letters long.
        self._by_length: dict[int, tuple[list[str], list[int]]] = {}
        for index, form in enumerate(self._choices):
            squeezed = _compact(form)
            bucket = self._by_length.setdefault(len(squeezed), ([], []))
            bucket[0].append(squeezed)
            bucket[1].append(index)
        self.words = frozenset(w for form in self.exact for w in form.split())
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

    def fits(self, key: str, form: str, kinds: frozenset[str]) -> bool:
        return eq.fits(kinds, self.by_key[key].equipment, form)

    def close(self, probes: tuple[str, ...], kinds: frozenset[str]) -> dict[str, float]:
        """Keys spelled like any of ``probes`` with their best ratio, on fitting equipment."""
        found = self._memory.get((probes, kinds))
        if found is None:
            found = {}
            for probe in probes:
                for key, ratio in self._compare(probe, kinds).items():
                    found[key] = max(ratio, found.get(key, 0.0))
            if len(self._memory) >= _FUZZY_MEMORY:
                self._memory.clear()
            self._memory[(probes, kinds)] = found
        return found

    def _compare(self, form: str, kinds: frozenset[str]) -> dict[str, float]:
        # rapidfuzz's ratio is the same normalised similarity as difflib's, computed in
        # compiled code: a close-spelling search over every spelling costs microseconds,
        # so a long message full of unknown names cannot stall the bot.
        best: dict[str, float] = {}
        found = process.extract(
            form, self._choices, scorer=fuzz.ratio, score_cutoff=SUGGEST_RATIO * 100,
            limit=None,
        )
        for choice, score, index in found:
            key = self.spellings[index][1]
            ratio = score / 100
            if ratio > best.get(key, 0.0) and self.fits(key, choice, kinds):
                best[key] = ratio
        return best

    def covering(
        self, kinds: frozenset[str], words: tuple[str, ...], keys: Iterable[str] | None = None
    ) -> set[str]:
        """Keys (of ``keys``, or all) with a name on fitting equipment holding all ``words``."""
        rows = self.rows if keys is None else [self._row[k] for k in keys if k in self._row]
        return {exercise.key for exercise, forms in rows
                if any(eq.fits(kinds, exercise.equipment, f)
                       and all(w in f.split() for w in words) for f in forms)}

    def typos(self, form: str, known: Callable[[str], bool]) -> dict[str, int]:
        """Keys with a spelling ``form`` is a typo of, and the fewest edits to reach it.

        Only words the catalogue does not know may be the typo, each by a letter or
        two as its length allows: every known word of ``form`` must be in the
        spelling, and its equipment must fit.
        """
        squeezed = _compact(form)
        unknown = [w for w in form.split() if not known(w)]
        edits = min(_typo_edits(len(squeezed)), sum(_word_edits(len(w)) for w in unknown))
        if not edits:
            return {}
        kept = [w for w in form.split() if known(w)]
        kinds = eq.kinds_in(form)
        out: dict[str, int] = {}
        for length in range(len(squeezed) - edits, len(squeezed) + edits + 1):
            choices, indexes = self._by_length.get(length, ((), ()))
            for _, distance, at in process.extract(
                squeezed, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                spelling, key = self.spellings[indexes[at]]
                words = spelling.split()
                if distance >= out.get(key, edits + 1) or not all(w in words for w in kept):
                    continue
                if self.fits(key, spelling, kinds):
                    out[key] = int(distance)
        return out
