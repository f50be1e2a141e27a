"""An option group (vnplan.options.Requests, Workers) is one parameter of a command and its
options on the command line: given values reach the command inside the dataclass, the others
keep the group's defaults, and every command that takes a group lists the same options."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from vnplan.cli import app as vnplan_app
from vnplan.options import REQUESTS, WORKERS, Requests, Workers, grouped


def _app(seen: list[object]) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    @grouped
    def run(name: str, requests: Requests = REQUESTS, pool: Workers = WORKERS) -> None:
        seen.extend([name, requests, pool])

    return app


def test_given_options_reach_the_command_in_their_group() -> None:
    seen: list[object] = []
    args = ["x", "--delay", "2.5", "--max-attachments", "3", "-w", "5", "--max-mb", "7"]
    result = CliRunner().invoke(_app(seen), args)
    assert result.exit_code == 0, result.output
    name, requests, pool = seen
    assert name == "x"
    assert requests == Requests(delay=2.5, max_attachments=3)
    assert pool == Workers(workers=5, max_mb=7)
    assert pool.convert_options(None, None).max_bytes == 7 * 2**20
    assert requests.web(Path("c"), False).settings.per_host_delay == 2.5


def test_a_value_outside_an_options_range_is_a_usage_error() -> None:
    seen: list[object] = []
    result = CliRunner().invoke(_app(seen), ["x", "--memory-mb", "10"])
    assert result.exit_code == 2
    assert "--memory-mb" in result.output
    assert seen == []


def test_convert_and_watch_list_every_option_of_both_groups() -> None:
    options = ["--delay", "--timeout", "--allow-private", "--max-attachments", "--workers",
               "--doc-timeout", "--memory-mb", "--max-mb"]
    for command in ("convert", "watch"):
        text = CliRunner().invoke(vnplan_app, [command, "--help"]).output
        assert all(option in text for option in options), command
    fetch = CliRunner().invoke(vnplan_app, ["fetch", "--help"]).output
    assert all(option in fetch for option in options[:4])
    assert "--workers" not in fetch
