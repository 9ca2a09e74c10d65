"""Challenge storage on each engine: one open challenge per server, ended and announced."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.storage.contract import Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 23)


async def test_one_open_challenge_per_server(storage: Storage) -> None:
    first = await storage.start_challenge("g", "Duo", 2, 2, MONDAY, "boss", NOW)
    assert first is not None and (first.name, first.days, first.weeks) == ("Duo", 2, 2)
    assert await storage.start_challenge("g", "Again", 3, 4, MONDAY, "boss", NOW) is None
    other = await storage.start_challenge("g2", "Elsewhere", 3, 4, MONDAY, "boss", NOW)
    assert other is not None
    assert await storage.open_challenge("g") == first
    assert await storage.end_challenge(first.challenge_id, date(2026, 11, 27))
    assert not await storage.end_challenge(first.challenge_id, date(2026, 11, 28))
    assert await storage.open_challenge("g") is None
    [ended] = await storage.unannounced_challenges("g")
    assert ended.ended_on == date(2026, 11, 27) and not ended.announced
    await storage.mark_announced([ended.challenge_id])
    assert await storage.unannounced_challenges("g") == []
    assert await storage.start_challenge("g", "Next", 3, 4, MONDAY, "boss", NOW) is not None
