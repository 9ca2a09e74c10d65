"""The bot process fixes how glibc serves large blocks (bot/discord/allocator.py)."""

from __future__ import annotations

import platform

import pytest

from bot.discord.allocator import steady_allocator


def test_the_setting_takes_on_glibc_and_is_harmless_twice() -> None:
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc: the allocator keeps its own ways")
    assert steady_allocator()
    assert steady_allocator()
