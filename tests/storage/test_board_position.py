"""On PostgreSQL a board's change position ignores transactions of other databases:
one held open elsewhere on the server must not make every later change look unseen."""

from __future__ import annotations

import uuid

import asyncpg

from bot.coach import Coach
from tests.helpers import FakeClock, postgres_storage, require_postgres, with_database


async def test_an_open_transaction_in_another_database_hides_no_change_and_adds_none(
    clock: FakeClock,
) -> None:
    url = require_postgres()
    other = f"other_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(url)
    await admin.execute(f'CREATE DATABASE "{other}"')
    elsewhere = await asyncpg.connect(with_database(url, other))
    try:
        async with postgres_storage() as pg:
            coach = Coach(pg, clock)
            await coach.logbook.log("100", "g1", "squat 5x5 @100kg rir2")
            held = elsewhere.transaction()
            await held.start()
            await elsewhere.fetchval("SELECT txid_current()")  # holds an id, open
            before = (await pg.board_changes("g1", None)).position
            await coach.logbook.log("101", "g1", "squat 5x5 @100kg rir2")
            after = await pg.board_changes("g1", before)
            assert after.user_ids == ["101"]
            await coach.logbook.log("102", "g1", "squat 5x5 @100kg rir2")
            # 101 was seen already: only 102 is new, though the other transaction is open.
            assert (await pg.board_changes("g1", after.position)).user_ids == ["102"]
            await held.rollback()
    finally:
        await elsewhere.close()
        await admin.execute(f'DROP DATABASE "{other}"')
        await admin.close()
