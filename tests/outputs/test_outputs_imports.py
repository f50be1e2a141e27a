"""The outputs read records only: outputs/ imports the ground floor (schema, formats, text,
strategies), itself and third-party libraries — never a stage that makes records."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

ALLOWED = ("vnplan.schema", "vnplan.formats", "vnplan.text", "vnplan.strategies", "vnplan.outputs")


def _vnplan_imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module]
            if node.module == "vnplan":  # `from vnplan import x` may name a submodule
                names += [f"vnplan.{a.name}" for a in node.names]
    return [n for n in names if n == "vnplan" or n.startswith("vnplan.")]


def test_outputs_import_only_the_ground_floor_and_themselves() -> None:
    modules = sorted((ROOT / "outputs").glob("*.py"))
    assert len(modules) > 5
    wrong = {
        f"{path.name}: {name}"
        for path in modules
        for name in _vnplan_imports(path)
        if not any(name == a or name.startswith(f"{a}.") for a in ALLOWED)
    }
    assert wrong == set()


def test_the_walk_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from vnplan.align import load_pillars\nimport vnplan.normalize\n", "utf-8")
    assert _vnplan_imports(module) == ["vnplan.align", "vnplan.normalize"]
