"""vnplan/__main__.py: the command ends with what it made frozen, so that the interpreter's
last collections at exit walk none of it (they took a tenth of a second after a conversion)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CHILD = """
import gc, sys
from vnplan.__main__ import main
sys.argv = ["vnplan", "convert", sys.argv[1], "-o", sys.argv[2]]
try:
    main()
except SystemExit as end:
    print(end.code, len(gc.get_objects()))
"""


def test_a_conversion_leaves_nothing_for_the_collections_at_exit(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, "samples/lang-son-227-kh-ubnd-2021.txt",
                           str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    code, tracked = done.stdout.split()
    assert code == "0"
    assert int(tracked) < 100  # what the lines after main() made; ~60,000 objects otherwise
    assert len(list((tmp_path / "out").glob("*.json"))) == 1
