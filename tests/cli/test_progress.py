"""vnplan/progress.py: what a run shows while it works and when it ends — the input being
worked on (clipped, fixed width), rate and time left, a line every few seconds off a terminal,
and a summary with elapsed time, documents/s, pages/s, every failure and errors.jsonl."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from rich.console import Console

from tests.conftest import SAMPLES
from vnplan.batch import run_batch
from vnplan.jobs import Outcome
from vnplan.progress import RunProgress, clip, print_summary, showing

TXT = "lang-son-227-kh-ubnd-2021.txt"
PDF = "lang-son-227-kh-ubnd-2021.pdf"


@pytest.mark.parametrize(
    ("name", "width", "shown"),
    [
        ("samples/lao-cai-122-kh-ubnd-2022-scan.pdf", 20, "lao-cai-1…2-scan.pdf"),
        ("a.txt", 8, "a.txt   "),
        ("https://example.gov.vn/tin/ke-hoach-122.html", 16, "ke-hoac…122.html"),
        ("https://example.gov.vn/van-ban/", 12, "van-ban     "),
    ],
)
def test_a_label_is_the_last_path_part_clipped_to_a_fixed_width(
    name: str, width: int, shown: str
) -> None:
    assert clip(name, width) == shown and len(shown) == width


def _inputs(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir()
    made = []
    for i, name in enumerate(names):
        target = folder / f"{i}-{name}"
        shutil.copy(SAMPLES / name, target)
        made.append(str(target))
    return made


def test_the_label_is_the_input_being_worked_on(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", [TXT, TXT, TXT])
    progress = RunProgress(inputs, "converting")
    seen: list[tuple[str, str]] = []

    def done(outcome: Outcome) -> None:
        progress.done(outcome)
        seen.append((outcome.input, progress.current))

    run_batch(inputs, tmp_path / "out", on_done=done, workers=1)
    # after each input is done, the label moves to the next one, in order; at the end, none
    assert seen == [(inputs[0], inputs[1]), (inputs[1], inputs[2]), (inputs[2], "")]


def test_off_a_terminal_a_line_every_few_seconds_says_how_far(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", [TXT, TXT, TXT])
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=False, width=200)
    progress = RunProgress(inputs, "converting")
    with showing(progress, console, every=0.05) as done:
        run_batch(inputs, tmp_path / "out", on_done=done, workers=1)
    lines = stream.getvalue().splitlines()
    assert lines, "no progress line while the run worked"
    pattern = re.compile(r"^converting (\d)/3 · \d+ s · \d+\.\d\d/s( · about \d+ s left)?"
                         r"( · now \d-lang-son-227-kh-ubnd-2021\.txt)?$")
    assert all(pattern.match(line) for line in lines), lines
    counts = [int(pattern.match(line)[1]) for line in lines]  # type: ignore[index]
    assert counts == sorted(counts)
    busy = [line for line, n in zip(lines, counts, strict=True) if n < 3]
    assert all(" · now " in line for line in busy)  # while working, it names the input


def test_on_a_terminal_the_bar_shows_the_input_the_rate_and_the_time_left(
    tmp_path: Path,
) -> None:
    inputs = _inputs(tmp_path / "in", [TXT, TXT])
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=160)
    progress = RunProgress(inputs, "converting")
    with showing(progress, console) as done:
        run_batch(inputs, tmp_path / "out", on_done=done, workers=1)
    shown = stream.getvalue()
    assert clip(inputs[0]) in shown and clip(inputs[1]) in shown  # the one being worked on
    assert "1/2" in shown and "/s" in shown
    assert re.search(r"-:--:--|\d:\d\d:\d\d", shown)  # time left, then elapsed


def test_the_summary_gives_time_rates_pages_and_every_failure(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", [PDF, TXT])
    broken = tmp_path / "in" / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF")
    out = tmp_path / "out"
    result = run_batch([*inputs, str(broken)], out, workers=1)
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=False, width=300)
    columns = ("converted", "skipped", "failed")
    print_summary(console, result.outcomes, [], out, "vnplan convert", columns, 4.0)
    said = stream.getvalue()
    pages = len(pdfium.PdfDocument(SAMPLES / PDF))
    assert f"took 4.0 s, 0.50 documents/s, {pages / 4:.2f} pages/s ({pages} pages)" in said
    assert f"corrupt_pdf {broken}: the PDF cannot be parsed" in said  # the failure, its file
    assert f"every failure is a line of {out / 'errors.jsonl'}" in said
