"""The bad-input corpus: every kind of input a batch meets in the wild, built into a folder.

Big or binary inputs are generated (from the committed samples) rather than committed.
`EXPECTED` says, per file, which outcomes are correct: "record" or a stable error code.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
LAO_CAI_PDF = SAMPLES / "lao-cai-122-kh-ubnd-2022.pdf"
LANG_SON_PDF = SAMPLES / "lang-son-227-kh-ubnd-2021.pdf"
LANG_SON_TXT = SAMPLES / "lang-son-227-kh-ubnd-2021.txt"
LONG_PDF_PAGES = 500

EXPECTED: dict[str, set[str]] = {
    "corrupt.pdf": {"corrupt_pdf"},
    "truncated.pdf": {"corrupt_pdf", "record"},
    "encrypted-user-password.pdf": {"encrypted"},
    "encrypted-owner-only.pdf": {"record"},
    "zero-pages.pdf": {"empty"},
    "long-500-pages.pdf": {"record"},
    "no-article.html": {"no_article"},
    "garbage.html": {"unsupported_format"},
    "windows-1258.txt": {"record"},
    "tcvn3.txt": {"record"},
    "empty.txt": {"empty"},
    "english.txt": {"not_vietnamese"},
    "Kế hoạch số 122 (bản sao).txt": {"record"},
}


def _tcvn3_bytes(text: str) -> bytes:
    """Text as typed with TCVN3 (ABC) ".VnTime" fonts: capitals share the lower-case codes."""
    table = json.loads((ROOT / "vnplan/text/data/legacy_encodings.json").read_text("utf-8"))
    inverse = {unicode: legacy for legacy, unicode in table["tcvn3"].items()}
    nfc = unicodedata.normalize("NFC", text)
    return "".join(inverse.get(c) or inverse.get(c.lower()) or c for c in nfc).encode("cp1252")


def build(folder: Path) -> Path:
    """Write the corpus into `folder` (a symlink loop included) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = LAO_CAI_PDF.read_bytes()
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF")
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf makes the encrypted PDFs (apt-get install qpdf)"
    for name, user in (("encrypted-user-password.pdf", "secret"), ("encrypted-owner-only.pdf", "")):
        subprocess.run(
            [
                qpdf,
                "--encrypt",
                user,
                "owner-pw",
                "256",
                "--",
                str(LANG_SON_PDF),
                str(folder / name),
            ],
            check=True,
        )
    empty = pdfium.PdfDocument.new()
    empty.save(folder / "zero-pages.pdf")
    copies = -(-LONG_PDF_PAGES // len(pdfium.PdfDocument(LANG_SON_PDF)))
    subprocess.run(
        [
            qpdf,
            "--empty",
            "--pages",
            *[str(LANG_SON_PDF)] * copies,
            "--",
            str(folder / "long-500-pages.pdf"),
        ],
        check=True,
    )
    (folder / "no-article.html").write_text(
        "<html><head><title>Cổng thông tin</title></head><body><nav><a href='/'>Trang chủ</a>"
        "<a href='/tin'>Tin tức</a></nav><div class='menu'>Giới thiệu | Liên hệ</div>"
        "<footer>Bản quyền © Sở Ngoại vụ</footer></body></html>",
        "utf-8",
    )
    (folder / "garbage.html").write_bytes(bytes(range(256)) * 64)
    seed = LANG_SON_TXT.read_text("utf-8")
    subprocess.run(
        [
            "iconv",
            "-f",
            "utf-8",
            "-t",
            "windows-1258",
            "-o",
            str(folder / "windows-1258.txt"),
            str(LANG_SON_TXT),
        ],
        check=True,
    )
    (folder / "tcvn3.txt").write_bytes(_tcvn3_bytes(seed))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "english.txt").write_text(
        "PLAN\n\nImplementing the cultural diplomacy strategy in the province.\n\n"
        + "The province will promote its culture, heritage and people abroad, and build "
        "partnerships with sister regions and international organisations. " * 12,
        "utf-8",
    )
    shutil.copy(SAMPLES / "lao-cai-122-kh-ubnd-2022.txt", folder / "Kế hoạch số 122 (bản sao).txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder
