"""A `Layout` → a schema v1 `Document` (before normalization)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from vnplan import __version__
from vnplan.extract.layout import Layout, PageMetadata
from vnplan.extract.news import NewsParts, split_news
from vnplan.extract.paragraphs import build_paragraphs
from vnplan.extract.plan import is_plan_like, split_plan
from vnplan.extract.text_input import vietnamese_share
from vnplan.schema import Document, Province, Source, Warning


class ExtractionError(Exception):
    """The input cannot give a record; `code` is stable, the message says why in plain words."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


MIN_LETTERS_TO_JUDGE = 200
MIN_VIETNAMESE_SHARE = 0.03  # Vietnamese prose: 25–40 % of letters carry these marks


def check_vietnamese(text: str) -> None:
    """Refuse a text that is long enough to judge and has (almost) no Vietnamese letters."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS_TO_JUDGE:
        return
    share = vietnamese_share(text)
    if share < MIN_VIETNAMESE_SHARE:
        raise ExtractionError(
            "not_vietnamese",
            f"the text is not Vietnamese ({share:.1%} of its letters are Vietnamese letters)",
        )


def slug(text: str) -> str:
    """ASCII slug: "Lào Cai" → "lao-cai", "122/KH-UBND" → "122-kh-ubnd"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def document_id(doc: Document) -> str:
    """Stable id: province + number + date when known, else kind + a hash of the source."""
    if doc.province and doc.doc_number and doc.issued_date:
        return f"{slug(doc.province.name)}-{slug(doc.doc_number)}-{doc.issued_date.isoformat()}"
    return f"{doc.kind}-{doc.source.sha256[:16]}"


def extract_document(layout: Layout, source: Source) -> Document:
    """Everything the text of a document says, as a record."""
    paragraphs, warnings = build_paragraphs(layout.lines)
    if not any(p.text.strip() for p in paragraphs):
        raise ExtractionError("empty", "the document has no text")
    check_vietnamese(" ".join(p.text for p in paragraphs[:300]))
    notes = [Warning(code=code, message=message) for code, message in layout.notes]
    if is_plan_like(paragraphs):
        parts = split_plan(paragraphs)
        doc = Document(
            id="pending",
            kind="plan",
            source=source,
            title=parts.title,
            doc_type=parts.doc_type,
            doc_number=parts.doc_number,
            issued_date=parts.issued_date,
            place=parts.place,
            province=parts.province,
            issuer=parts.issuer,
            signer=parts.signer,
            period=parts.period,
            legal_basis=parts.legal_basis,
            sections=parts.sections,
            appendices=parts.appendices,
            assignments=parts.assignments,
            recipients=parts.recipients,
            closing=parts.closing,
            warnings=[*notes, *warnings, *parts.warnings],
            extractor_version=__version__,
        )
    else:
        meta = layout.metadata
        news = split_news(paragraphs, meta.title if meta else None)
        if meta is not None:
            news = with_page_metadata(news, meta)
        if not news.article.main_text.strip():
            raise ExtractionError("no_article", "no article text found: the page has only chrome")
        doc = Document(
            id="pending",
            kind="news",
            source=source,
            title=news.headline,
            province=Province(name=news.province) if news.province else None,
            article=news.article,
            warnings=[*notes, *warnings, *news.warnings],
            extractor_version=__version__,
        )
    doc.id = document_id(doc)
    return doc


def with_page_metadata(news: NewsParts, meta: PageMetadata) -> NewsParts:
    """Date, author and publisher from the page's metadata where the text has none."""
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
