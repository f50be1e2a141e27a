"""The options `convert`, `fetch` and `watch` share: one spelling, one help, one default."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from vnplan.pipeline import MAX_BYTES
from vnplan.workers import Limits

DEFAULT_WORKERS = os.cpu_count() or 1
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
        help="A file with one input (a path or a URL) per line.",
        show_default=False,
    ),
]
