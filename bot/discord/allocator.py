"""How the C allocator hands out large blocks, set once when the bot process starts.

Each read from a socket asks for a 256 KiB buffer and shrinks it to what arrived.
glibc serves blocks that size from its heap once a freed mapping has raised its
adaptive threshold, and the small pieces left behind keep the heap from ever
shrinking: a burst of a hundred replies at once left some 5 MB of the bot's memory
free but held. Fixing the threshold sends every block of ``MMAP_THRESHOLD_BYTES`` or
more to a mapping of its own, given back the moment it is freed. Measured in
bench/README.md ("End to end through discord.py"). Elsewhere than glibc it does
nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger("liftcoach.discord")

MMAP_THRESHOLD_BYTES = 128 * 1024
"""glibc's own starting value, kept fixed instead of rising with the blocks freed."""
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number for it (malloc.h)


def steady_allocator() -> bool:
    """Fix the threshold (see the module's note); False where there is no glibc."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    if not done:
        log.info("the C allocator kept its own settings")
    return done
