"""An export that arrives, and that /import takes back, whatever its size.

Discord takes an attachment of at most 10 MiB, and /import a file of at most
``IMPORT_MAX_BYTES``; a lifter who imported years of history can have more CSV than
either. So an export within the attachment limit is one CSV file. A bigger one is
cut into CSV parts that /import takes one by one (``…-part1-of-3.csv``, each with the
header), and the parts go in one zip file (CSV compresses about tenfold). Parts are
cut between pages of whole entries, never inside an entry, so each part imports on
its own and all of them give every set. Should the zip still pass the limit, the
parts are shared out over several zips (``…-1-of-2.zip``; a part alone in one goes as
its CSV when zipping would not make it smaller).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ExportFile:
    name: str
    data: bytes


def packaged(header: str, pages: Sequence[str], name: str, day: date, *, limit: int,
             part_bytes: int) -> tuple[ExportFile, ...]:
    """The export ``header`` + ``pages`` (CSV text, each page ending between entries) as
    files of at most ``limit`` bytes; CSV parts of at most ``part_bytes`` (when a page
    alone is not larger). ``name`` is the whole CSV's (``….csv``)."""
    size = len(header.encode("utf-8")) + sum(len(p.encode("utf-8")) for p in pages)
    if size <= limit:
        return (ExportFile(name, "".join((header, *pages)).encode("utf-8")),)
    stem = name.removesuffix(".csv")
    groups = _cut(pages, part_bytes - len(header.encode("utf-8")))
    parts = [ExportFile(f"{stem}-part{i}-of-{len(groups)}.csv",
                        "".join((header, *group)).encode("utf-8"))
             for i, group in enumerate(groups, 1)]
    bundles = [parts]
    zips = [_zip(parts, day)]
    while any(len(z) > limit and len(b) > 1 for b, z in zip(bundles, zips, strict=True)):
        bundles = [half for bundle, z in zip(bundles, zips, strict=True)
                   for half in (_halves(bundle) if len(z) > limit else [bundle])]
        zips = [_zip(bundle, day) for bundle in bundles]
    if len(zips) == 1:
        return (ExportFile(f"{stem}.zip", zips[0]),)
    # A part on its own goes as its CSV when zipping does not make it smaller.
    return tuple(b[0] if len(b) == 1 and len(b[0].data) <= len(z)
                 else ExportFile(f"{stem}-{i}-of-{len(zips)}.zip", z)
                 for i, (b, z) in enumerate(zip(bundles, zips, strict=True), 1))


def _cut(pages: Sequence[str], target: int) -> list[list[str]]:
    """Pages in order, grouped so that each group holds at most ``target`` bytes (a page
    larger than that is a group of its own)."""
    groups: list[list[str]] = [[]]
    size = 0
    for page in pages:
        weight = len(page.encode("utf-8"))
        if groups[-1] and size + weight > target:
            groups.append([])
            size = 0
        groups[-1].append(page)
        size += weight
    return groups


def _halves(bundle: list[ExportFile]) -> list[list[ExportFile]]:
    """Two bundles of about half the parts each (a bundle holds two parts or more)."""
    middle = (len(bundle) + 1) // 2
    return [bundle[:middle], bundle[middle:]]


def _zip(files: Sequence[ExportFile], day: date) -> bytes:
    """The files in one zip, dated ``day`` (so the same export gives the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in files:
            info = zipfile.ZipInfo(file.name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.data, compresslevel=6)
    return buffer.getvalue()
