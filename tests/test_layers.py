"""The stages import one way only: a later stage never imported by an earlier one, no cycles.

Every import of every module of the package is read from its source (module level and inside
functions alike), so a lazy import cannot hide a backward dependency.
"""

from __future__ import annotations

import ast
import os
from functools import cache
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "vnplan"
# The stages in pipeline order; a module may import its own stage and the ones before it.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "vnplan.cores",
        "vnplan.errors",
        "vnplan.formats",
        "vnplan.idle",
        "vnplan.text",
        "vnplan.schema",
        "vnplan.version",
        "vnplan.closing",
        "vnplan.scores",
        "vnplan.sidecar",
        "vnplan.strategies",
    ),
    ("vnplan.fetch",),
    ("vnplan.extract.readers",),
    ("vnplan.extract",),
    ("vnplan.normalize",),
    ("vnplan.align",),
    ("vnplan.outputs",),
)
# outputs read records: what they show was computed by the stages before, never re-run
OUTPUTS_MAY_IMPORT = (
    "vnplan.errors", "vnplan.formats", "vnplan.text", "vnplan.schema", "vnplan.version",
    "vnplan.strategies",
)


@cache
def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    paths = [Path(root, f) for root, _, files in os.walk(PACKAGE, followlinks=True) for f in files]
    for path in sorted(p for p in paths if p.suffix == ".py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """The vnplan modules `name` imports (a `from X import y` names X.y when that is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)
    known = modules()
    return {m for m in out if m in known and m != name}


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer): the longest prefix wins
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                candidate = (len(prefix), index)
                best = candidate if best is None or candidate > best else best
    return best[1] if best else None


def test_every_stage_imports_only_earlier_stages() -> None:
    wrong = []
    for name, path in modules().items():
        own = layer_of(name)
        if own is None:  # the shells at the top: pipeline, jobs, cli … may import any stage
            continue
        for target in imports_of(name, path):
            there = layer_of(target)
            if there is None or there > own:
                wrong.append(f"{name} imports {target}")
            if name.startswith("vnplan.outputs") and not target.startswith(
                ("vnplan.outputs", *OUTPUTS_MAY_IMPORT)
            ):
                wrong.append(f"{name} imports {target}: outputs read records only")
    assert wrong == []


def test_no_import_cycle() -> None:
    # a package's __init__ importing its own submodules is not a cycle
    graph = {
        name: {t for t in imports_of(name, path) if not t.startswith(name + ".")}
        for name, path in modules().items()
    }
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' → '.join(error.args[1])}")


@pytest.mark.parametrize(
    ("module", "layer"),
    [("vnplan.text.fold", 0), ("vnplan.extract.readers.pdf", 2), ("vnplan.extract.plan", 3),
     ("vnplan.cli", None)],
)
def test_layers_are_told_by_the_longest_prefix(module: str, layer: int | None) -> None:
    assert layer_of(module) == layer
