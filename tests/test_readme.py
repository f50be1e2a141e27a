"""The README's two commands stay true: CI runs the test command verbatim, and the main
command is the one that writes the committed out/."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
BLOCKS = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)


def test_readme_opens_with_the_main_command_then_the_test_command() -> None:
    main, tests = BLOCKS[0].strip(), BLOCKS[1].strip()
    assert README.index(main) < README.index("## What you get")
    assert main.endswith("vnplan convert samples -o out --force")
    assert "tesseract-ocr-vie" in main and "pip install ." in main
    assert "pytest" in tests


def test_the_readme_installs_the_system_packages_ci_installs() -> None:
    """The README's first line installs what the tests need, as .ci/run does."""
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    listed = re.search(r"^apt_packages=\((?P<names>[^)]*)\)", ci, flags=re.M)
    assert listed is not None
    installed = re.search(r"apt-get install -y (?P<names>[^&]+?)\s*&&", BLOCKS[0])
    assert installed is not None
    assert installed["names"].split() == listed["names"].split()


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert BLOCKS[1].strip() in ci.splitlines()
