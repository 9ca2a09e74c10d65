"""The layers' import fences, read from the source with ``ast`` (nothing is imported).

Every ``import`` and ``from ... import`` counts, wherever it sits: inside a function,
and under ``if TYPE_CHECKING:`` too. A type-only import cannot break a start-up, but
it still ties one module to another, and a fence that ignored it would let the tie in
unseen. The checks take a source root, so the tests at the end plant offending
imports in a scratch tree and make sure each fence notices them.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

DOMAIN_GROUPS = ("catalogue", "notation", "advice", "figures", "reminders", "transfer", "plan")
IO_LIBRARIES = frozenset({"discord", "aiosqlite", "asyncpg", "asyncio", "sqlite3"})
EDGES = ("bot.discord", "bot.console")
TOP_LEVEL_FILES = frozenset({"__init__.py", "__main__.py", "config.py", "bootstrap.py"})
TOP_LEVEL_EXTRAS = frozenset({"py.typed", "__pycache__"})  # the PEP 561 marker; bytecode


@dataclass(frozen=True)
class Import:
    """One imported module, already resolved to a dotted name."""

    module: str  # the importing module
    target: str  # what it imports, resolved (see ``_targets``)
    path: Path
    line: int

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line} imports {self.target}"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules(root: Path) -> dict[str, Path]:
    """Every module under ``root/bot``, by dotted name."""
    return {
        _module_name(path, root): path
        for path in sorted((root / "bot").rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def _owner(name: str, modules: dict[str, Path]) -> str:
    """The project module a dotted name lives in (the longest prefix that is one)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return name


def _targets(
    node: ast.Import | ast.ImportFrom, module: str, is_package: bool, modules: dict[str, Path]
) -> Iterator[str]:
    """What one statement imports: a project name resolves to the module holding it,
    and ``from pkg import name`` to ``pkg.name`` when that is a module of its own."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield _owner(alias.name, modules) if alias.name.startswith("bot.") else alias.name
        return
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    if base != "bot" and not base.startswith("bot."):
        yield base
        return
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        yield submodule if submodule in modules else _owner(base, modules)


def parse(path: Path) -> ast.Module:
    """``ast.parse`` of a file. CPython 3.11 before 3.11.8 keeps the depth of its AST
    conversion in one global, so a parse in another thread at the same moment (3.11
    parses source lines to place a traceback's carets) can fail this one with
    ``SystemError: AST constructor recursion depth mismatch`` (CPython gh-106905):
    that error alone is tried again."""
    source = path.read_text("utf-8")
    for _ in range(4):
        try:
            return ast.parse(source, filename=str(path))
        except SystemError as err:
            if "recursion depth mismatch" not in str(err):
                raise
    return ast.parse(source, filename=str(path))


def project_imports(root: Path) -> list[Import]:
    modules = project_modules(root)
    found: list[Import] = []
    for module, path in modules.items():
        tree = parse(path)
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.extend(
                    Import(module, target, path, node.lineno)
                    for target in _targets(node, module, is_package, modules)
                )
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _from(imports: Iterable[Import], package: str) -> list[Import]:
    return [i for i in imports if _within(i.module, package)]


# the fences --------------------------------------------------------------------------


def domain_offences(root: Path) -> list[str]:
    """The domain is pure: only itself and the standard library's pure parts."""
    return [
        i.where(root)
        for i in _from(project_imports(root), "bot.domain")
        if (_within(i.target, "bot") and not _within(i.target, "bot.domain"))
        or i.target.split(".")[0] in IO_LIBRARIES
    ]


def coach_offences(root: Path) -> list[str]:
    """The coach speaks in replies, not in Discord's types, and knows no edge."""
    return [
        i.where(root)
        for i in _from(project_imports(root), "bot.coach")
        if i.target.split(".")[0] == "discord" or any(_within(i.target, e) for e in EDGES)
    ]


def edge_offences(root: Path) -> list[str]:
    """The edges reach storage only through the coach; bootstrap wires the two."""
    imports = project_imports(root)
    return [
        i.where(root)
        for edge in EDGES
        for i in _from(imports, edge)
        if _within(i.target, "bot.storage")
    ]


def storage_offences(root: Path) -> list[str]:
    """Storage sits below the coach and the edges and must not reach up to them."""
    above = ("bot.coach", *EDGES)
    return [
        i.where(root)
        for i in _from(project_imports(root), "bot.storage")
        if any(_within(i.target, a) for a in above)
    ]


def import_graph(root: Path) -> dict[str, dict[str, Import]]:
    """Module -> module it runs on import -> the statement that makes it so.

    Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` before ``c``, so an
    import also leads to each package around its target, unless the importer sits in
    that package already (its own package is under way by then). This is what makes
    a face that imports its modules part of the graph: a module that imports one
    group's submodule runs that group's whole face first.
    """
    graph: dict[str, dict[str, Import]] = {m: {} for m in project_modules(root)}
    for i in project_imports(root):
        if i.target not in graph:
            continue
        parts = i.target.split(".")
        for depth in range(2, len(parts) + 1):  # ``bot`` itself runs before anything
            ran = ".".join(parts[:depth])
            if ran in graph and ran != i.module and not _within(i.module, ran):
                graph[i.module].setdefault(ran, i)
    return graph


@dataclass(frozen=True)
class Cycle:
    """Modules that run one another on import, round to the first, with the statement
    behind each step."""

    modules: list[str]  # the first module again at the end
    steps: list[Import]

    def describe(self, root: Path) -> str:
        return " -> ".join(self.modules) + "".join(
            f"\n    {step.where(root)}" for step in self.steps
        )


def import_cycles(root: Path) -> list[Cycle]:
    """Each strongly connected group of modules, as one cycle through it."""
    graph = import_graph(root)
    edges = {module: set(targets) for module, targets in graph.items()}
    cycles = []
    for group in _strongly_connected(edges):
        path = _cycle_through(group, edges)
        cycles.append(Cycle(path, [graph[a][b] for a, b in pairwise(path)]))
    return cycles


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (an import chain can be deeper than the recursion
    limit would like); only groups of two or more modules are returned."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def _cycle_through(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest path from the group's first module back to itself."""
    members = set(group)
    start = group[0]
    paths: dict[str, list[str]] = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    return [*paths[node], start]
                if child not in paths:
                    paths[child] = [*paths[node], child]
                    following.append(child)
        frontier = following
    raise AssertionError(f"no cycle through {group}")  # a group is strongly connected


def top_level_offences(root: Path) -> list[str]:
    """bot/ itself holds the entry point, settings and wiring; the rest lives in rooms."""
    offences = []
    for entry in sorted((root / "bot").iterdir()):
        if entry.name in TOP_LEVEL_FILES or entry.name in TOP_LEVEL_EXTRAS:
            continue
        if entry.is_dir() and (entry / "__init__.py").is_file():
            continue
        offences.append(str(entry.relative_to(root)))
    return offences


# the fences on the real tree ---------------------------------------------------------


def test_domain_imports_only_itself_and_no_io_library() -> None:
    offences = domain_offences(ROOT)
    assert offences == [], "bot/domain must stay pure:\n" + "\n".join(offences)


def test_coach_imports_no_discord() -> None:
    offences = coach_offences(ROOT)
    assert offences == [], "bot/coach must not know Discord or an edge:\n" + "\n".join(offences)


def test_edges_do_not_import_storage() -> None:
    offences = edge_offences(ROOT)
    assert offences == [], (
        "bot/discord and bot/console reach storage only through the coach "
        "(bot/bootstrap.py wires them):\n" + "\n".join(offences)
    )


def test_storage_imports_nothing_above_it() -> None:
    offences = storage_offences(ROOT)
    assert offences == [], "bot/storage must not import the coach or an edge:\n" + "\n".join(
        offences
    )


def test_no_import_cycle() -> None:
    cycles = import_cycles(ROOT)
    assert cycles == [], (
        "import cycles (TYPE_CHECKING imports count, and importing a group's module runs "
        "the group's __init__ first). Break each by moving what the lower module needs "
        "below both:\n" + "\n".join(cycle.describe(ROOT) for cycle in cycles)
    )

def test_top_level_holds_only_the_entry_point_settings_wiring_and_packages() -> None:
    offences = top_level_offences(ROOT)
    assert offences == [], "bot/ must hold only " + ", ".join(sorted(TOP_LEVEL_FILES)) + (
        " and packages; move these into one:\n" + "\n".join(offences)
    )


# the domain groups' public faces -----------------------------------------------------


@pytest.mark.parametrize("group", DOMAIN_GROUPS)
def test_each_group_exports_names_it_has(group: str) -> None:
    package = importlib.import_module(f"bot.domain.{group}")
    exported = getattr(package, "__all__", None)
    assert exported, f"bot.domain.{group} has no __all__"
    assert len(set(exported)) == len(exported), f"bot.domain.{group}.__all__ repeats a name"
    missing = [name for name in exported if not hasattr(package, name)]
    assert missing == [], f"bot.domain.{group}.__all__ names what it lacks: {missing}"


@pytest.mark.parametrize("group", DOMAIN_GROUPS)
def test_each_module_of_a_group_says_what_it_is_for(group: str) -> None:
    undocumented = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "bot" / "domain" / group).glob("*.py"))
        if ast.get_docstring(parse(path)) is None
    ]
    assert undocumented == []


# each fence can fail -------------------------------------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name in ("bot/__init__.py", *files):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files.get(name, '"""A module."""\n'), "utf-8")
    return root


def test_domain_fence_catches_io_and_upward_imports(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "bot/domain/__init__.py": "",
        "bot/domain/rules.py": "import asyncio\nfrom bot.storage import open_storage\n",
        "bot/domain/ok.py": "from bot.domain import rules\nimport datetime\n",
        "bot/storage/__init__.py": "open_storage = None\n",
    })
    assert domain_offences(root) == [
        "bot/domain/rules.py:1 imports asyncio",
        "bot/domain/rules.py:2 imports bot.storage",
    ]


def test_coach_fence_catches_discord_even_when_type_only(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "bot/coach/__init__.py": "from typing import TYPE_CHECKING\n"
                                 "if TYPE_CHECKING:\n    import discord.ui\n",
        "bot/coach/a.py": "from bot.discord.render import x\n",
        "bot/discord/__init__.py": "",
        "bot/discord/render.py": "x = 1\n",
    })
    assert coach_offences(root) == [
        "bot/coach/__init__.py:3 imports discord.ui",
        "bot/coach/a.py:1 imports bot.discord.render",
    ]


def test_edge_fence_catches_storage_and_spares_bootstrap(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "bot/bootstrap.py": "from bot.storage import open_storage\n",
        "bot/console/__init__.py": "",
        "bot/console/run.py": "def f() -> None:\n    from ..storage.rows import Row\n",
        "bot/discord/__init__.py": "",
        "bot/discord/cogs/__init__.py": "",
        "bot/discord/cogs/a.py": "import bot.storage\n",
        "bot/storage/__init__.py": "open_storage = None\n",
        "bot/storage/rows.py": "Row = int\n",
    })
    assert edge_offences(root) == [
        "bot/discord/cogs/a.py:1 imports bot.storage",
        "bot/console/run.py:2 imports bot.storage.rows",
    ]


def test_storage_fence_catches_upward_imports(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "bot/coach/__init__.py": "Coach = None\n",
        "bot/storage/__init__.py": "",
        "bot/storage/sqlite.py": "from bot.coach import Coach\nfrom bot.domain import models\n",
        "bot/domain/__init__.py": "",
        "bot/domain/models.py": "",
    })
    assert storage_offences(root) == ["bot/storage/sqlite.py:1 imports bot.coach"]


def test_cycle_fence_follows_type_only_imports_through_a_face(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "bot/domain/__init__.py": "",
        "bot/domain/a/__init__.py": "from bot.domain.a.one import X\n",
        "bot/domain/a/one.py": "from bot.domain.b import two\nX = 1\n",
        "bot/domain/b/__init__.py": "",
        "bot/domain/b/two.py": "from typing import TYPE_CHECKING\n"
                               "if TYPE_CHECKING:\n    from bot.domain.a import X\n",
        "bot/domain/c.py": "from . import b\n",  # no cycle: b does not come back
    })
    [cycle] = import_cycles(root)
    assert cycle.modules == [
        "bot.domain.a", "bot.domain.a.one", "bot.domain.b.two", "bot.domain.a"
    ]
    assert [step.where(root) for step in cycle.steps] == [
        "bot/domain/a/__init__.py:1 imports bot.domain.a.one",
        "bot/domain/a/one.py:1 imports bot.domain.b.two",
        "bot/domain/b/two.py:3 imports bot.domain.a",
    ]


def test_cycle_fence_sees_two_groups_running_each_others_faces(tmp_path: Path) -> None:
    """No module imports one that imports it back, yet each group's face runs the
    other's: which face is whole at a given moment depends on what was imported first."""
    root = _tree(tmp_path, {
        "bot/domain/__init__.py": "",
        "bot/domain/a/__init__.py": "from bot.domain.a.one import X\n",
        "bot/domain/a/one.py": "from bot.domain.b.two import Y\nX = Y\n",
        "bot/domain/a/four.py": "W = 1\n",
        "bot/domain/b/__init__.py": "from bot.domain.b.three import Z\n",
        "bot/domain/b/two.py": "Y = 1\n",
        "bot/domain/b/three.py": "from bot.domain.a.four import W\nZ = W\n",
    })
    [cycle] = import_cycles(root)
    assert cycle.modules == [
        "bot.domain.a", "bot.domain.a.one", "bot.domain.b", "bot.domain.b.three",
        "bot.domain.a",
    ]


def test_top_level_fence_catches_a_stray_module_and_a_plain_folder(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "bot/__main__.py": "", "bot/config.py": "", "bot/bootstrap.py": "",
        "bot/helpers.py": "", "bot/coach/__init__.py": "",
    })
    (root / "bot" / "py.typed").write_text("", "utf-8")
    (root / "bot" / "stuff").mkdir()
    assert top_level_offences(root) == ["bot/helpers.py", "bot/stuff"]


def face_offences(root: Path) -> list[str]:
    """Imports from outside the domain that reach past a group's public face into one
    of its modules (``bot.domain.figures.stats`` instead of ``bot.domain.figures``)."""
    groups = {f"bot.domain.{g}" for g in DOMAIN_GROUPS}
    return [
        i.where(root) for i in project_imports(root)
        if not _within(i.module, "bot.domain")
        and any(_within(i.target, g) and i.target != g for g in groups)
    ]


def test_other_layers_use_the_domain_groups_public_faces() -> None:
    assert face_offences(ROOT) == []


def test_reaching_past_a_public_face_is_noticed(tmp_path: Path) -> None:
    (tmp_path / "bot" / "domain" / "figures").mkdir(parents=True)
    (tmp_path / "bot" / "coach").mkdir(parents=True)
    for init in ("bot", "bot/domain", "bot/domain/figures", "bot/coach"):
        (tmp_path / init / "__init__.py").write_text('"""x"""\n', "utf-8")
    (tmp_path / "bot/domain/figures/stats.py").write_text("X = 1\n", "utf-8")
    (tmp_path / "bot/coach/area.py").write_text(
        "from bot.domain.figures.stats import X\n", "utf-8")
    assert face_offences(tmp_path) == ["bot/coach/area.py:1 imports bot.domain.figures.stats"]
