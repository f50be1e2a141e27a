"""The distribution installs one top-level package, `vnplan`, with its data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_holds_only_the_vnplan_package(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
    )
    [wheel] = tmp_path.glob("vnplan-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"vnplan", next(t for t in tops if t.endswith(".dist-info"))}
    for required in (
        "vnplan/extract/appendix.py",
        "vnplan/extract/data/roles.json",
        "vnplan/extract/readers/data/syllables.txt",
        "vnplan/schema/vnplan.schema.json",
        "vnplan/normalize/__init__.py",
        "vnplan/text/data/compound_words.txt",
        "vnplan/py.typed",
        "vnplan/fetch/__init__.py",
        "vnplan/outputs/data/strategy.json",
    ):
        assert required in names


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vnplan", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("vnplan ")
