"""Property tests: the parsers never raise on any text, and their invariants hold."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan.errors import ConversionError
from vnplan.extract.appendix import parse_appendix
from vnplan.extract.citations import find_citations
from vnplan.extract.document import extract_document
from vnplan.extract.header import read_header
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.txt import read_text_layout
from vnplan.extract.sections import build_sections
from vnplan.schema import Section, Source
from vnplan.text.dates import parse_date
from vnplan.text.numerals import roman_value, to_roman

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
text_chars = st.sampled_from(list(VIET + VIET.upper() + " .,;:()/-–\t\n0123456789IVX)“”"))
vietnamese_text = st.text(text_chars, max_size=300)
markers = st.sampled_from(
    ["I.", "II.", "III", "IV.", "1.", "2.", "3.", "1.1.", "2.1", "2.1.1.", "a)", "b)", "-", ""]
)
words = st.text(st.sampled_from(list(VIET + " ")), min_size=1, max_size=40)
SOURCE = Source(uri="x", format="txt", sha256="0" * 64)


@given(vietnamese_text)
def test_marker_parser_total(text: str) -> None:
    marker = parse_marker(text)
    if marker is not None:
        assert text.strip().startswith(marker.number)


@given(st.lists(st.tuples(markers, words), max_size=40))
def test_section_paths_are_prefixes_of_their_children(items: list[tuple[str, str]]) -> None:
    paragraphs = [Paragraph(text=f"{m} {w}".strip()) for m, w in items if f"{m} {w}".strip()]
    sections, _ = build_sections(paragraphs)

    def check(node: Section, depth: int) -> None:
        assert len(node.path) == depth and node.path[-1] == node.number
        for child in node.children:
            assert child.path[:-1] == node.path
            check(child, depth + 1)

    for root in sections:
        check(root, 1)


@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2099, 12, 31)), vietnamese_text)
def test_dates_round_trip_in_both_forms(day: dt.date, noise: str) -> None:
    assert parse_date(f"ngày {day.day} tháng {day.month} năm {day.year}") == day
    assert parse_date(f"ngày {day.day:02d}/{day.month}/{day.year} {noise}") == day
    parse_date(noise)  # never raises


@given(
    st.integers(1, 99999),
    st.sampled_from(["KH", "QĐ", "CT", "NQ", "TB"]),
    st.sampled_from(["UBND", "TTg", "BNG", "VHTTDL"]),
    st.booleans(),
)
def test_document_numbers_round_trip(num: int, code: str, org: str, spaced: bool) -> None:
    sep = " / " if spaced else "/"
    header = read_header([Paragraph(text=f"Số: {num}{sep}{code}-{org}"),
                          Paragraph(text="Hà Nội, ngày 5 tháng 3 năm 2026")])
    assert header.number == f"{num}/{code}-{org}"


@given(
    st.sampled_from(["Quyết định", "Chỉ thị", "Kế hoạch", "Nghị quyết"]),
    st.integers(1, 9999),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    vietnamese_text,
)
def test_citations_round_trip(kind: str, num: int, day: dt.date, tail: str) -> None:
    date = f"{day.day}/{day.month}/{day.year}"
    text = f"Thực hiện {kind} số {num}/KH-UBND ngày {date} của Ủy ban nhân dân tỉnh; {tail}"
    first = find_citations(text)[0]
    assert (first.doc_type, first.doc_number, first.date) == (kind, f"{num}/KH-UBND", day)
    assert first.issuer == "Ủy ban nhân dân tỉnh"
    find_citations(tail)


cells = st.lists(
    st.one_of(
        st.just(""),
        words,
        st.sampled_from(["I", "II", "IV", "1", "2", "3", "Hàng năm", "Sở Ngoại vụ"]),
    ),
    min_size=0,
    max_size=8,
)


@given(st.lists(st.tuples(cells, st.integers(1, 5), st.booleans()), max_size=30))
@settings(max_examples=200)
def test_table_rows_merge_without_raising_and_keep_invariants(
    raw: list[tuple[list[str], int, bool]],
) -> None:
    rows = [Paragraph(text="|".join(c), cells=tuple(c), page=p, break_before=b) for c, p, b in raw]
    appendix, _ = parse_appendix("PHỤ LỤC", None, rows, ["Gắn kết ngoại giao văn hóa"])
    for row in appendix.rows:
        assert row.group is None or roman_value(row.group) is not None
        assert row.group_title is None or row.group is not None
        assert row.pages == sorted(set(row.pages))
        assert row.stt is None or row.stt[0].isdigit()


@given(st.integers(1, 89))
def test_roman_numerals_round_trip(value: int) -> None:
    assert roman_value(to_roman(value)) == value


@given(vietnamese_text)
@settings(max_examples=200)
def test_text_extractor_gives_a_record_or_a_clear_error(text: str) -> None:
    try:
        doc = extract_document(read_text_layout(text), SOURCE)
    except ConversionError as exc:
        assert exc.code and str(exc)
    else:
        assert doc.kind in ("plan", "news")
