"""The application service: one object per area, each method one thing a lifter or an
admin can do.

It takes plain values and an injected clock, talks to storage (it is the only
caller) and the pure domain, and returns :class:`bot.coach.replies.Reply` values. It
knows nothing of Discord or of the terminal, so both edges say the same thing. The
areas carry the names used in every layer: ``coach.logbook.log(...)`` is served by
``discord/cogs/logbook.py``, ``console/logbook.py`` and ``storage/sql/logbook.py``.
"""

from __future__ import annotations

from datetime import datetime

from bot.coach.boards import Boards
from bot.coach.challenges import Challenges
from bot.coach.clock import Clock, system_clock
from bot.coach.cooldown import Cooldown
from bot.coach.data import Data
from bot.coach.info import Info
from bot.coach.lifter import Lifter
from bot.coach.logbook import Logbook
from bot.coach.names import Names
from bot.coach.plan import Plan
from bot.coach.profile import Profiles
from bot.coach.progress import Progress
from bot.coach.recap import Recaps
from bot.coach.reminders import Reminders
from bot.coach.server import Server
from bot.domain.catalogue import Catalogue, default_catalogue
from bot.domain.limits import IMPORT_MAX_BYTES
from bot.storage.contract import Storage

__all__ = ["Clock", "Coach", "system_clock"]


class Coach:
    """Every user action, by area, scoped to the (user, server) that asks."""

    def __init__(
        self,
        storage: Storage,
        clock: Clock = system_clock,
        catalogue: Catalogue | None = None,
        cooldown: Cooldown | None = None,
        *,
        import_max_bytes: int = IMPORT_MAX_BYTES,
    ) -> None:
        self.lifter = Lifter(storage, clock, catalogue or default_catalogue())
        self.logbook = Logbook(self.lifter, cooldown or Cooldown())
        self.profile = Profiles(self.lifter)
        self.info = Info()
        self.server = Server(storage)
        self.boards = Boards(self.lifter)
        self.progress = Progress(self.lifter)
        self.data = Data(self.lifter, import_max_bytes)
        self.reminders = Reminders(self.lifter)
        self.plan = Plan(self.lifter)
        self.names = Names()  # an edge that knows display names sets names.source
        self.challenges = Challenges(self.lifter, self.names)
        self.recap = Recaps(self.lifter, self.challenges, self.names)

    @property
    def catalogue(self) -> Catalogue:
        return self.lifter.catalogue

    @property
    def storage(self) -> Storage:
        """For tests and benchmarks that look beneath the coach; edges never use it."""
        return self.lifter.storage

    def now(self) -> datetime:
        return self.lifter.now()
