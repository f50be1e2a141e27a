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
    assert main.endswith("vnplan convert samples -o out")
    assert "tesseract-ocr-vie" in main and "pip install ." in main
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert BLOCKS[1].strip() in ci.splitlines()
