"""Every command's --help reads as prose: arguments and values named by metavars (PATH|URL,
SECONDS, N, FOLDER …), never by Python types; one default per option; --max-pages says that
by default there is no limit."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from vnplan.cli import app

COMMANDS = ("convert", "fetch", "compare", "export", "agencies", "schema", "watch")
PYTHON_TYPE = re.compile(r"<(?:list\[|path|dir|file|str|int|float|bool|text)[^>]*>")


def _help(command: str) -> str:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


def _entries(text: str) -> dict[str, str]:
    """Each option or argument of the help with its help text, wrapped lines joined."""
    entries: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if row := re.match(r"^  (-\S.*?|[A-Z][A-Z|]*…?)(?:\s{2,}(.*))?$", line):
            last = row[1]
            entries[last] = row[2] or ""
        elif last and line.startswith("      ") and line.strip():
            entries[last] = f"{entries[last]} {line.strip()}".strip()
        else:
            last = None
    return entries


@pytest.mark.parametrize("command", COMMANDS)
def test_no_python_type_and_one_default_each(command: str) -> None:
    text = _help(command)
    assert not PYTHON_TYPE.search(text), PYTHON_TYPE.search(text)
    for name, said in _entries(text).items():
        assert said.count("default") <= 1, (name, said)


def test_convert_names_its_values() -> None:
    entries = _entries(_help("convert"))
    expected = {
        "PATH|URL": "Files, folders",
        "-o, --out FOLDER": "[default: out]",
        "-i, --input-list FILE": "one input",
        "--cache FOLDER": "[default: (OUT/.cache)]",
        "--delay SECONDS": "[default: 1.0",
        "--timeout SECONDS": "[default: 30.0",
        "-w, --workers N": "[default: (the CPU cores,",
        "--doc-timeout SECONDS": "[default: 600.0",
        "--memory-mb MIB": "[default: 4096",
        "--max-pages N": "[default: (no limit)",
        "--max-mb MIB": "[default: 200",
        "--engine local|dask": "[default: local]",
        "--scheduler URL": "tcp://",
        "--max-attachments N": "[default: 20",
    }
    for name, fragment in expected.items():
        assert fragment in entries[name], (name, entries.get(name))


def test_fetch_names_its_values() -> None:
    entries = _entries(_help("fetch"))
    for name in ("URL", "-o, --out FOLDER", "-i, --input-list FILE", "--cache FOLDER",
                 "--delay SECONDS", "--timeout SECONDS", "--max-attachments N"):
        assert name in entries, sorted(entries)
