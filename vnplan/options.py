"""The options `convert`, `fetch` and `watch` share: one spelling, one help, one default.

Options that travel together are an option group: a frozen dataclass whose fields are typer
options (`Requests`, `Workers`). A command decorated with `grouped` takes the group as one
parameter; its --help lists the group's options, and the command receives the dataclass.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from vnplan.cores import usable_cores
from vnplan.jobs import text_limit
from vnplan.pipeline import MAX_BYTES, ConvertOptions
from vnplan.web import MAX_ATTACHMENTS, WebOptions, fetch_settings
from vnplan.workers import Limits

DEFAULT_WORKERS = usable_cores()
DEFAULT_DELAY = 1.0
DEFAULT_TIMEOUT = 30.0
DelayOption = Annotated[
    float,
    typer.Option(
        "--delay", metavar="SECONDS", min=0, help="Seconds between two requests to one host."
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout", metavar="SECONDS", min=0.1, help="Seconds to wait for a server's answer."
    ),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Let redirects and attachment links reach loopback, link-local and private "
        "addresses (by default only the start URL's own server may be one).",
    ),
]
MaxAttachmentsOption = Annotated[
    int,
    typer.Option(
        "--max-attachments",
        metavar="N",
        min=0,
        help="Attachments followed per page; the others are named in a warning.",
    ),
]
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers",
        "-w",
        metavar="N",
        min=1,
        help="Worker processes.",
        show_default=f"the CPU cores, {DEFAULT_WORKERS}",
    ),
]
DocTimeoutOption = Annotated[
    float,
    typer.Option(
        "--doc-timeout",
        metavar="SECONDS",
        min=1,
        help="Seconds one document may take (else an error).",
    ),
]
MemoryOption = Annotated[
    int,
    typer.Option(
        "--memory-mb",
        metavar="MIB",
        min=256,
        help="Memory one worker may take beyond its start, in MiB.",
    ),
]
MaxMbOption = Annotated[
    int,
    typer.Option(
        "--max-mb", metavar="MIB", min=1, help="Refuse files larger than this many MiB."
    ),
]


def pdf_pages_option(flag: str) -> Any:
    """The most pages a PDF may have: convert's --max-pages, watch's --max-pdf-pages (its own
    --max-pages counts listing pages)."""
    help_text = "Refuse PDFs with more pages than N."
    return typer.Option(flag, metavar="N", min=1, help=help_text, show_default="no limit")


DOC_SECONDS = Limits().seconds
MEMORY_MB = Limits().memory_mb or 4096
MAX_MB = MAX_BYTES // 2**20
OutOption = Annotated[
    Path, typer.Option("-o", "--out", metavar="FOLDER", help="Output folder.")
]
InputListOption = Annotated[
    Path | None,
    typer.Option(
        "-i",
        "--input-list",
        metavar="FILE",
        help="A file with one input per line, of the kind the arguments are.",
        show_default=False,
    ),
]


@dataclass(frozen=True)
class Requests:
    """How politely and how far a command fetches: --delay, --timeout, --allow-private,
    --max-attachments."""

    delay: DelayOption = DEFAULT_DELAY
    timeout: TimeoutOption = DEFAULT_TIMEOUT
    allow_private: AllowPrivateOption = False
    max_attachments: MaxAttachmentsOption = MAX_ATTACHMENTS

    def web(self, cache: Path, follow_attachments: bool) -> WebOptions:
        settings = fetch_settings(
            cache, delay=self.delay, timeout=self.timeout, allow_private=self.allow_private
        )
        return WebOptions(settings, follow_attachments, self.max_attachments)


@dataclass(frozen=True)
class Workers:
    """The worker processes and what one document may take: --workers, --doc-timeout,
    --memory-mb, --max-mb."""

    workers: WorkersOption = DEFAULT_WORKERS
    doc_timeout: DocTimeoutOption = DOC_SECONDS
    memory_mb: MemoryOption = MEMORY_MB
    max_mb: MaxMbOption = MAX_MB

    @property
    def limits(self) -> Limits:
        return Limits(seconds=self.doc_timeout, memory_mb=self.memory_mb)

    def convert_options(self, max_pages: int | None, ocr_text: bool | None) -> ConvertOptions:
        """ConvertOptions under these limits (text inputs bounded by the worker's memory)."""
        max_bytes = self.max_mb * 2**20
        return ConvertOptions(
            max_pages, max_bytes, ocr_text, max_text_bytes=text_limit(self.limits, max_bytes)
        )


GROUPS: tuple[type, ...] = (Requests, Workers)


def grouped(command: Callable[..., None]) -> Callable[..., None]:
    """`command` with each parameter annotated with an option group spread into the group's
    options (what typer reads), and gathered back into the group when it runs."""
    hints = typing.get_type_hints(command, include_extras=True)
    params: list[inspect.Parameter] = []
    groups: dict[str, tuple[type, list[str]]] = {}
    for param in inspect.signature(command).parameters.values():
        kind = hints.get(param.name, param.annotation)
        if kind in GROUPS:
            fields = typing.get_type_hints(kind, include_extras=True)
            names = [f.name for f in dataclasses.fields(kind)]
            params += [
                inspect.Parameter(
                    f.name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=f.default,
                    annotation=fields[f.name],
                )
                for f in dataclasses.fields(kind)
            ]
            groups[param.name] = (kind, names)
        else:
            params.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=kind))

    @functools.wraps(command)
    def run(**values: Any) -> None:
        for name, (kind, names) in groups.items():
            values[name] = kind(**{field: values.pop(field) for field in names})
        command(**values)

    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


REQUESTS, WORKERS = Requests(), Workers()  # the groups' defaults, as a command's parameter default
