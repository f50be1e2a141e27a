"""The pages of an open PDF, each read into a `PageText` or told to be OCR'd: in this process,
or, for a long document given spare cores, in forked processes that read a share each.

A page is read (`pdf_text`) and its text layer judged (`text_layer`) from that page alone, and
this is most of a long born-digital PDF's conversion. Each child is forked once the document
is open, so it reads the same document (copy-on-write); it reads every `CHUNK`-th run of
`CHUNK` pages of its share (so that one slow part of a document is shared out) and sends each
page's result back as soon as it has it: no process holds more pages than the serial reader.
The results are put back in page order; they are what the serial reader gives. A child whose
reading raises sends the exception, which is raised here as the serial reader would raise it;
a child that dies (a signal, the memory killer) is reported as "worker_died", naming the
page it was reading; the other children are then stopped.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import pickle
import signal
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait
from typing import NoReturn

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vnplan.errors import ConversionError
from vnplan.extract.readers.pdf_geometry import PageText
from vnplan.extract.readers.pdf_text import read_page_text
from vnplan.extract.readers.text_layer import OcrReason, ocr_reason
from vnplan.idle import while_waiting

# A child pays for itself from about this many pages (forking, pickling, start-up measured
# against reading a page: see the README's Speed section).
MIN_PAGES_PER_PROCESS = 20
CHUNK = 8  # pages a child reads in a row

PageRead = PageText | OcrReason | None  # the page's text, why it is OCR'd, None: unreadable


@dataclass
class PageReads:
    """Every page's read: the texts in page order, the pages to OCR (0-based) and why, and
    the pages pdfium cannot open (1-based)."""

    texts: list[PageText] = field(default_factory=list)
    scanned: dict[int, OcrReason] = field(default_factory=dict)
    unreadable: list[int] = field(default_factory=list)


def read_pages(doc: pdfium.PdfDocument, stamped: Mapping[int, int],
               processes: int = 1) -> PageReads:
    """Read every page, in up to `processes` processes (see `reading_processes`). `stamped`
    gives, for a page with signature fields drawn in, how many characters are its own. While
    children read, a thread of this process does the work the caller queued for when it only
    waits (`vnplan.idle`: loading the models the next stages need)."""
    count = len(doc)
    share = reading_processes(count, processes)
    if share > 1:
        with contextlib.suppress(_NoFork):  # no process to be had: this one reads them all
            return _collect(_read_forked(doc, stamped, share))
    return _collect((i, read_page(doc, i, stamped.get(i))) for i in range(count))


def reading_processes(pages: int, processes: int) -> int:
    """How many processes read a document of `pages` pages when `processes` may: one per
    `MIN_PAGES_PER_PROCESS` pages at most.

    >>> reading_processes(15, 2), reading_processes(80, 2), reading_processes(1000, 2)
    (1, 2, 2)
    """
    return max(1, min(processes, pages // MIN_PAGES_PER_PROCESS))


def read_page(doc: pdfium.PdfDocument, index: int, own_chars: int | None) -> PageRead:
    """One page (0-based): its text, or why it must be OCR'd; None if pdfium cannot open it."""
    try:
        page = doc[index]
    except pdfium.PdfiumError:
        return None
    try:
        page_text, _ = read_page_text(page, index + 1, own_chars)
        reason = ocr_reason(page_text, functools.partial(_image_cover, page))
        return page_text if reason is None else reason
    finally:
        page.close()


def _image_cover(page: pdfium.PdfPage) -> float:
    """Share of the page covered by its largest image."""
    width, height = page.get_size()
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        x0, y0, x1, y1 = obj.get_bounds()
        best = max(best, (x1 - x0) * (y1 - y0) / max(width * height, 1.0))
    return min(best, 1.0)


def _collect(reads: Iterable[tuple[int, PageRead]]) -> PageReads:
    out = PageReads()
    for index, read in reads:
        if read is None:
            out.unreadable.append(index + 1)
        elif isinstance(read, OcrReason):
            out.scanned[index] = read
        else:
            out.texts.append(read)
    return out


def shares(pages: int, processes: int) -> list[list[int]]:
    """The pages (0-based) each process reads: runs of `CHUNK` pages dealt out in turn.

    >>> [share[:3] + share[-1:] for share in shares(20, 2)]
    [[0, 1, 2, 19], [8, 9, 10, 15]]
    """
    return [[i for i in range(pages) if i // CHUNK % processes == k] for k in range(processes)]


@dataclass
class _Child:
    pid: int
    conn: Connection
    pages: list[int]
    sent: int = 0  # how many of its pages it has sent
    reaped: bool = False


def _read_forked(doc: pdfium.PdfDocument, stamped: Mapping[int, int],
                 processes: int) -> list[tuple[int, PageRead]]:
    """Every page read by `processes` forked children, in page order."""
    children: dict[Connection, _Child] = {}
    got: dict[int, PageRead] = {}
    helper: threading.Thread | None = None
    try:
        for pages in shares(len(doc), processes):
            child = _fork(doc, stamped, pages)
            children[child.conn] = child
        # after the forks: a child never copies a running thread
        helper = threading.Thread(target=while_waiting, daemon=True)
        helper.start()
        while children:
            for conn in wait(list(children)):
                assert isinstance(conn, Connection)
                if _receive(children[conn], got):
                    _reap(children.pop(conn))
    finally:
        for child in children.values():
            _stop(child)
        if helper is not None:
            helper.join()
    return sorted(got.items(), key=lambda item: item[0])


class _NoFork(Exception):
    """The system refused a process (or its pipe)."""


def _fork(doc: pdfium.PdfDocument, stamped: Mapping[int, int], pages: list[int]) -> _Child:
    try:
        reader, writer = Pipe(duplex=False)
    except OSError as error:
        raise _NoFork from error
    try:
        pid = os.fork()
    except OSError as error:
        reader.close()
        writer.close()
        raise _NoFork from error
    if pid == 0:
        reader.close()
        _child_main(doc, stamped, pages, writer)
    writer.close()
    return _Child(pid, reader, pages)


def _child_main(doc: pdfium.PdfDocument, stamped: Mapping[int, int], pages: list[int],
                conn: Connection) -> NoReturn:
    """Read `pages`, sending (index, read) for each, then None; an exception is sent as is."""
    code = 0
    try:
        gc.freeze()  # what the parent made is not walked (and so not copied) by collections
        for index in pages:
            conn.send((index, read_page(doc, index, stamped.get(index))))
        conn.send(None)
    except BaseException as exc:  # sent on, or the parent is gone: either way this one ends
        code = 1
        with contextlib.suppress(BaseException):
            conn.send(_sendable(exc))
    finally:
        os._exit(code)  # never the parent's exit handlers, buffers or finalizers


def _sendable(exc: BaseException) -> BaseException:
    """The exception itself if it pickles, else one that says what it was."""
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _receive(child: _Child, got: dict[int, PageRead]) -> bool:
    """Take the child's next message into `got`; whether the child is done."""
    try:
        message = child.conn.recv()
    except EOFError:  # it ended without saying it was done
        raise _died(child) from None
    if message is None:
        return True
    if isinstance(message, BaseException):
        raise message
    index, read = message
    got[index] = read
    child.sent += 1
    return False


def _died(child: _Child) -> ConversionError:
    _, status = os.waitpid(child.pid, 0)
    child.reaped = True
    code = os.waitstatus_to_exitcode(status)
    how = f"was killed ({signal.Signals(-code).name})" if code < 0 else (
        f"exited with status {code}")
    page = child.pages[min(child.sent, len(child.pages) - 1)] + 1
    return ConversionError("worker_died", f"the process reading page {page} of the PDF {how}")


def _reap(child: _Child) -> None:
    child.conn.close()
    if not child.reaped:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child.pid, 0)
        child.reaped = True


def _stop(child: _Child) -> None:
    """Kill a child still reading (another one failed, or this process is interrupted)."""
    if not child.reaped:
        with contextlib.suppress(OSError):
            os.kill(child.pid, signal.SIGKILL)
    _reap(child)
