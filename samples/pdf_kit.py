"""DOCX → PDF with headless LibreOffice (a throw-away profile), with the PDF's dates, file ID
and checksum fixed so a rebuild differs only where LibreOffice itself is not deterministic."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx_kit import FIXED_TIME


def find_soffice() -> str:
    """Locate LibreOffice or stop with a clear message."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit(
            "error: LibreOffice (`soffice`) is not on PATH; it is needed to convert the DOCX "
            "samples to PDF (Debian: apt-get install libreoffice-writer fonts-liberation2)"
        )
    return exe


def convert_to_pdf(
    docx_paths: Sequence[Path],
    targets: Sequence[Path] | None = None,
    stamps: Sequence[dt.datetime] | None = None,
) -> list[Path]:
    """Convert DOCX files with headless LibreOffice; each PDF goes to its target (by default
    next to its DOCX) with its stamp (by default FIXED_TIME) as creation and modification date."""
    soffice = find_soffice()
    targets = targets or [src.with_suffix(".pdf") for src in docx_paths]
    stamps = stamps or [FIXED_TIME] * len(docx_paths)
    outputs: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="vnplan-lo-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        outdir = Path(tmp, "out")
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_paths),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        for src, target, stamp in zip(docx_paths, targets, stamps, strict=True):
            made = outdir / f"{src.stem}.pdf"
            if not made.is_file():
                sys.exit(f"error: LibreOffice did not convert {src.name}:\n{proc.stderr}")
            target.write_bytes(stabilise_pdf(made.read_bytes(), src.read_bytes(), stamp))
            outputs.append(target)
    return outputs


def stabilise_pdf(pdf: bytes, seed: bytes, when: dt.datetime = FIXED_TIME) -> bytes:
    """Replace LibreOffice's date, file ID and checksum in place (same length: offsets kept)."""
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    pdf = re.sub(rb"(/CreationDate\s*\(D:)\d{14}", lambda m: m.group(1) + stamp, pdf)
    pdf = re.sub(rb"(/ModDate\s*\(D:)\d{14}", lambda m: m.group(1) + stamp, pdf)
    digest = hashlib.sha256(seed).hexdigest().upper().encode()

    def fixed_id(match: re.Match[bytes]) -> bytes:
        return b"<" + digest[: len(match.group(1))] + b">"

    def id_array(match: re.Match[bytes]) -> bytes:
        return re.sub(rb"<([0-9A-Fa-f]+)>", fixed_id, match.group(0))

    pdf = re.sub(rb"/ID\s*\[[^\]]*\]", id_array, pdf)
    return re.sub(
        rb"(/DocChecksum /)([0-9A-Fa-f]+)", lambda m: m.group(1) + digest[: len(m.group(2))], pdf
    )

