"""extract/readers/pdf_pages.py: a long PDF's pages read by forked processes give what the
serial reader gives, and a child that fails or is killed is reported, never waited on."""

from __future__ import annotations

import doctest
import io
import os
import signal
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.conftest import SAMPLES
from tests.robustness.processes import forked_here
from vnplan.errors import ConversionError
from vnplan.extract.readers import pdf_pages
from vnplan.extract.readers.pdf import open_pdf, read_pdf_layout
from vnplan.extract.readers.pdf_pages import CHUNK, MIN_PAGES_PER_PROCESS, read_pages
from vnplan.extract.readers.text_layer import OcrReason
from vnplan.idle import meanwhile
from vnplan.jobs import Job, run_job
from vnplan.pipeline import ConvertOptions

# Real pages of several kinds: a plan with ruled appendix tables, a plan set in another
# layout, decisions, a report, and one page of a scan (no text layer: to be OCR'd).
SOURCES = ("lao-cai-122-kh-ubnd-2022.pdf", "lang-son-227-kh-ubnd-2021.pdf",
           "tuyen-quang-215-qd-ubnd-2026.pdf", "gia-lai-356-qd-ubnd-2026.pdf",
           "ninh-binh-86-bc-skhcn-2026.pdf")
SCAN = "lao-cai-122-kh-ubnd-2022-scan.pdf"


def test_the_doctests() -> None:
    assert doctest.testmod(pdf_pages).failed == 0


@cache
def long_pdf(with_scan: bool) -> bytes:
    """The samples' pages one after the other until two processes read them, with the scan's
    first page after the first round."""
    target = pdfium.PdfDocument.new()
    while len(target) < 2 * MIN_PAGES_PER_PROCESS:
        for name in SOURCES:
            target.import_pages(pdfium.PdfDocument(SAMPLES / name))
        if with_scan:
            with_scan = False
            target.import_pages(pdfium.PdfDocument(SAMPLES / SCAN), [0])
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()


def test_pages_read_by_two_and_three_processes_are_those_read_by_one() -> None:
    doc = open_pdf(long_pdf(with_scan=True))
    try:
        serial = read_pages(doc, {}, 1)
        assert len(serial.texts) == len(doc) - 1 and serial.unreadable == []
        assert list(serial.scanned.values()) == [OcrReason.NO_TEXT]
        assert read_pages(doc, {}, 2) == serial
        assert pdf_pages._collect(pdf_pages._read_forked(doc, {}, 3)) == serial
    finally:
        doc.close()


def test_the_layout_read_in_parallel_is_the_serial_one_and_meanwhile_ran_alongside() -> None:
    data = long_pdf(with_scan=False)
    serial = read_pdf_layout(data, 1)
    done: list[int] = []
    with meanwhile(lambda: done.append(os.getpid())):
        assert read_pdf_layout(data, 2) == serial
    assert done == [os.getpid()] and serial.pages >= 2 * MIN_PAGES_PER_PROCESS
    done.clear()
    with meanwhile(lambda: done.append(1)):
        read_pdf_layout((SAMPLES / SOURCES[0]).read_bytes(), 2)
    assert done == []  # 15 pages are read here: no child, nothing to overlap


def test_a_short_pdf_is_read_in_this_process() -> None:
    assert pdf_pages.reading_processes(MIN_PAGES_PER_PROCESS * 2 - 1, 4) == 1
    assert pdf_pages.reading_processes(MIN_PAGES_PER_PROCESS * 2, 4) == 2
    assert pdf_pages.reading_processes(10_000, 4) == 4


def test_the_shares_cover_every_page_once_in_runs_of_chunk_pages() -> None:
    pages = 5 * CHUNK + 3
    shares = pdf_pages.shares(pages, 3)
    assert sorted(i for share in shares for i in share) == list(range(pages))
    assert shares[1][:CHUNK] == list(range(CHUNK, 2 * CHUNK))


def test_an_exception_in_a_child_is_raised_as_the_serial_reader_raises_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdf_pages.read_page_text
    failing = CHUNK + 3  # read by the second child

    def read_page_text(page: pdfium.PdfPage, number: int, own: int | None = None):  # type: ignore[no-untyped-def]
        if number == failing:
            raise ValueError(f"cannot read page {number}")
        return real(page, number, own)

    monkeypatch.setattr(pdf_pages, "read_page_text", read_page_text)
    before = forked_here()
    doc = open_pdf(long_pdf(with_scan=False))
    try:
        for processes in (1, 2):
            with pytest.raises(ValueError, match=f"^cannot read page {failing}$"):
                read_pages(doc, {}, processes)
    finally:
        doc.close()
    assert forked_here() - before == set()  # the children forked here are stopped and reaped


@pytest.fixture
def killed_reader() -> Iterator[list[int]]:
    """A thread that SIGKILLs the first child this process forks, once it exists."""
    killed: list[int] = []
    before = forked_here()

    def kill_first() -> None:
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            for pid in forked_here() - before:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                break
            time.sleep(0.001)

    thread = threading.Thread(target=kill_first, daemon=True)
    thread.start()
    yield killed
    thread.join()


def test_a_killed_child_is_reported_with_the_page_it_was_reading(
        killed_reader: list[int]) -> None:
    before = forked_here()
    with pytest.raises(ConversionError) as raised:
        read_pdf_layout(long_pdf(with_scan=False), 2)
    assert killed_reader and raised.value.code == "worker_died"
    assert "was killed (SIGKILL)" in str(raised.value)
    assert "the process reading page" in str(raised.value)
    assert forked_here() - before == set()  # the other child was stopped and reaped


def test_a_killed_child_gives_the_document_an_error_record(
        tmp_path: Path, killed_reader: list[int]) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(long_pdf(with_scan=False))
    job = Job(uri=str(path), output="long.json", path=str(path),
              options=ConvertOptions(page_processes=2))
    result = run_job(job)
    assert killed_reader and result.record is None
    assert result.outcome.status == "failed" and result.outcome.code == "worker_died"
    assert result.outcome.message is not None and result.outcome.message.startswith(str(path))


def test_when_the_system_refuses_a_process_the_pages_are_read_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = open_pdf(long_pdf(with_scan=False))
    try:
        serial = read_pages(doc, {}, 1)

        def refused() -> int:  # what fork does with no process left (as root, no limit binds)
            raise BlockingIOError(11, "Resource temporarily unavailable")

        monkeypatch.setattr(os, "fork", refused)
        assert read_pages(doc, {}, 2) == serial
    finally:
        doc.close()
