"""extract/pdf.py on bad input: every unreadable PDF is a clear error with a stable code."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from vnplan.errors import ConversionError
from vnplan.extract.readers import pdf
from vnplan.extract.readers.pdf import MAX_PAGES, read_pdf_layout
from vnplan.pipeline import convert

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


def _builders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_bad_pdfs", BAD / "make_bad_pdfs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_of(data: bytes) -> str:
    with pytest.raises(ConversionError) as error:
        read_pdf_layout(data)
    assert str(error.value)  # a message for people, not only a code
    return error.value.code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("encrypted-user.pdf", "encrypted"),
        ("corrupt.pdf", "corrupt_pdf"),
        ("truncated.pdf", "corrupt_pdf"),  # pdfium cannot rebuild a cut-off file
        ("zero-pages.pdf", "empty"),
    ],
)
def test_bad_files_give_their_code(name: str, code: str) -> None:
    assert code_of((BAD / name).read_bytes()) == code


def test_committed_files_are_what_the_builders_make() -> None:
    builders = _builders()
    assert (BAD / "glyph-split.pdf").read_bytes() == builders.glyph_split_pdf()
    assert (BAD / "zero-pages.pdf").read_bytes() == builders.zero_pages_pdf()
    assert (BAD / "corrupt.pdf").read_bytes() == builders.corrupt_pdf()
    assert (BAD / "truncated.pdf").read_bytes() == builders.truncated_pdf()


def test_owner_password_only_still_opens() -> None:
    layout = read_pdf_layout((BAD / "encrypted-owner.pdf").read_bytes())
    assert layout.lines[0].text == "Kế hoạch của Ủy ban nhân dân tỉnh Lào Cai"


def test_the_page_limit_is_enforced() -> None:
    assert MAX_PAGES == 2000
    assert code_of(_builders().many_pages_pdf(MAX_PAGES + 1)) == "too_many_pages"


def test_the_page_limit_is_a_module_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (Path(__file__).resolve().parents[2] / "samples" /
            "lang-son-227-kh-ubnd-2021.pdf").read_bytes()
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    assert code_of(data) == "too_many_pages"
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    assert read_pdf_layout(data).pages == 3


def test_blank_pages_give_an_empty_document_error() -> None:
    data = _builders().many_pages_pdf(2)
    assert read_pdf_layout(data).lines == []
    with pytest.raises(ConversionError) as error:
        convert(data, uri="blank.pdf")
    assert error.value.code == "empty"
