"""A `Layout` → a schema v1 `Document` (before normalization)."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from vnplan.errors import ConversionError
from vnplan.extract.administrative import plan_type, read_administrative
from vnplan.extract.header import read_header
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph, build_paragraphs
from vnplan.extract.readers.layout import Layout, PageMetadata
from vnplan.extract.scanned import flag_handwritten
from vnplan.extract.signature import find_signatures, tail_lines
from vnplan.schema import Document, Province, Source
from vnplan.text.fold import fold_heading
from vnplan.text.letters import vietnamese_share
from vnplan.version import __version__

if TYPE_CHECKING:
    from vnplan.extract.news import NewsParts

SIGNED_TAIL = 40  # paragraphs at the end where a signature is looked for
ENACTING_WITHIN = 12  # paragraphs under the type line where the preamble or Điều 1 is looked for
APPENDIX_TYPE = "Phụ lục"  # an appendix sent on its own: part of a document, never an article
CITING = re.compile(r"^(?:Căn cứ|Xét đề nghị|Theo đề nghị)\b")
MIN_LETTERS_TO_JUDGE = 200
MIN_VIETNAMESE_SHARE = 0.03  # Vietnamese prose: 25–40 % of letters carry these marks


def check_vietnamese(text: str) -> None:
    """Refuse a text that is long enough to judge and has (almost) no Vietnamese letters."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS_TO_JUDGE:
        return
    share = vietnamese_share(text)
    if share < MIN_VIETNAMESE_SHARE:
        raise ConversionError(
            "not_vietnamese",
            f"the text is not Vietnamese ({share:.1%} of its letters are Vietnamese letters)",
        )


def extract_document(layout: Layout, source: Source) -> Document:
    """Everything the text of a document says, as a record (its id is minted later, from the
    normalized fields)."""
    paragraphs, warnings = build_paragraphs(layout.lines)
    official = is_administrative(paragraphs)
    if layout.article is not None and not official:
        paragraphs, warnings = build_paragraphs(layout.article)
        official = is_administrative(paragraphs)
    if not any(p.text.strip() for p in paragraphs):
        raise ConversionError("empty", "the document has no text")
    check_vietnamese(" ".join(p.text for p in paragraphs[:300]))
    doc = Document(
        id="pending", kind="document" if official else "news", source=source,
        extractor_version=__version__,
    )
    if official:
        read_administrative(paragraphs, doc)
        if source.ocr:
            flag_handwritten(doc)
        if plan_type(doc.doc_type) or (doc.doc_type is None and _reads_as_plan(paragraphs)):
            doc.kind = "plan"
    else:
        _read_news(paragraphs, layout.metadata, doc)
    doc.warnings = [*layout.notes, *warnings, *doc.warnings]
    return doc


def is_administrative(paragraphs: list[Paragraph]) -> bool:
    """Does the text read as an administrative document (its own header: the motto, a "Số:"
    line, a type line under an issuer; or a plan's numbered parts) rather than an article?"""
    header = read_header(paragraphs)
    if header.found or _reads_as_plan(paragraphs):
        return True
    if header.type_line is None:
        return False
    return header.doc_type == APPENDIX_TYPE or _signed(paragraphs) or _enacts(
        paragraphs[header.end : header.end + ENACTING_WITHIN])


def _enacts(paragraphs: list[Paragraph]) -> bool:
    """Under a type line, the preamble that cites ("Căn cứ …") or the first article ("Điều
    1."): the document itself (a portal page that shows its header in an attribute box), not
    an article about it."""
    for par in paragraphs:
        text = par.text.strip()
        marker = parse_marker(text, par.bold) if par.cells is None else None
        if CITING.match(text) or (marker is not None and marker.kind == "article"):
            return True
    return False


def _signed(paragraphs: list[Paragraph]) -> bool:
    """A signature block (an authority line, or a position with a name) at the end."""
    lines = tail_lines(paragraphs[-SIGNED_TAIL:])
    return any(b.authority or b.name for b in find_signatures(lines))


def _reads_as_plan(paragraphs: list[Paragraph]) -> bool:
    """A plan that lost its header (text exported from a scan): numbered Roman parts and one
    of them "Tổ chức thực hiện"."""
    romans = [p for p in paragraphs if p.cells is None and (m := parse_marker(p.text, p.bold))
              and m.kind == "roman"]
    return len(romans) >= 3 and any(
        fold_heading(p.text).split(" ", 1)[-1].startswith("tổ chức thực hiện") for p in romans)


def _read_news(paragraphs: list[Paragraph], meta: PageMetadata | None, doc: Document) -> None:
    from vnplan.extract.news import split_news  # news pages' own modules load with the first

    news = split_news(paragraphs, meta.title if meta else None)
    if meta is not None:
        news = with_page_metadata(news, meta)
    if not news.article.main_text.strip():
        raise ConversionError("no_article", "no article text found: the page has only chrome")
    doc.title = news.headline
    doc.province = Province(name=news.province) if news.province else None
    doc.article = news.article
    doc.warnings = news.warnings


def with_page_metadata(news: NewsParts, meta: PageMetadata) -> NewsParts:
    """Date, author and publisher from the page's metadata where the text has none."""
    from vnplan.extract.news import NewsParts

    article = news.article.model_copy(
        update={
            "published": news.article.published or meta.published,
            "author": news.article.author or meta.author,
            "publisher": news.article.publisher or meta.publisher,
        }
    )
    return NewsParts(
        headline=news.headline,
        article=article,
        province=news.province,
        warnings=news.warnings,
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
