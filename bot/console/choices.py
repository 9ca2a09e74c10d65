"""Short numbers for the choices log replies offer at the console.

Discord takes a choice by its button; the console by a line to type, and a stored
offer's id is a long number nobody wants to type. Each console session numbers the
choices it has printed from 1, so the line is ``/other 1``; the number means the
same choice for the rest of the session, and nothing in another session.
"""

from __future__ import annotations


class ChoiceNumbers:
    """The offers printed in this session, by their short number."""

    def __init__(self) -> None:
        self._offers: list[int] = []

    def number(self, offer_id: int) -> int:
        """The short number of an offer, given the first time it is printed."""
        if offer_id not in self._offers:
            self._offers.append(offer_id)
        return self._offers.index(offer_id) + 1

    def offer(self, number: int) -> int:
        """The offer a short number stands for; 0 (no offer) when it names none."""
        return self._offers[number - 1] if 0 < number <= len(self._offers) else 0
