"""vnplan/__main__.py: the command ends with what it made frozen, so that the interpreter's
last collections at exit walk none of it (they took a tenth of a second after a conversion),
and it does not have pydantic look for plugins unless the user asks."""

from __future__ import annotations

import os
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


PLUGINS = """
import os, sys
from vnplan.__main__ import main
sys.argv = ["vnplan", "schema"]
try:
    main()
except SystemExit:
    pass
from pydantic.plugin import _loader
print(repr(os.environ.get("PYDANTIC_DISABLE_PLUGINS")), _loader._plugins is None, file=sys.stderr)
"""


def _plugins_after_the_command(env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", PLUGINS], cwd=ROOT, capture_output=True,
                          text=True, check=True, env=env)
    return done.stderr.strip().splitlines()[-1]


def test_the_command_looks_for_no_pydantic_plugins_unless_asked() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    assert _plugins_after_the_command(env) == "'__all__' True"  # the entry points unread
    assert _plugins_after_the_command({**env, "PYDANTIC_DISABLE_PLUGINS": ""}) == "'' False"
