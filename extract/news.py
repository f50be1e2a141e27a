"""A news article's paragraphs → headline, date, author, publisher, main text, and the plan it
reports on. Page chrome (menus, related-news lists, visit counters, share buttons) is cut."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from vnplan.extract.citations import find_citations
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.places import likely_province
from vnplan.extract.readers.cues import CHROME_END
from vnplan.schema import Article, PlanRef, Warning
from vnplan.text.dates import SHORT_DATE, date_line, make_date, parse_date
from vnplan.text.fold import fold_heading

_SOURCE = re.compile(r"^(?:Nguồn\s*:?|Theo\s*:)\s*(?P<value>.+)$|^Theo\s+(?P<short>[^,.;]{2,40})$")
_CREDIT = re.compile(
    r"^(?:Tin,?\s*ảnh|Bài,?\s*ảnh|Tin|Bài|Ảnh)\s*:\s*(?P<value>.+)$", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ]+)(?:\s+(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ]+)){1,3}$"
)
_DATELINE_PREFIX = re.compile(r"^\(\s*[A-ZĐ]{1,8}(?:\.[A-Za-z]{2,4})?\s*\)\s*[-–—]\s*")
_PUBLISHERS = {"CT": "Báo Cần Thơ"}
_ISSUED = re.compile(
    r"(?:ban hành|ký ban hành)[^.]{0,60}?ngày\s+(?P<a>\d{1,2}/\d{1,2}/\d{4})"
    r"|[Nn]gày\s+(?P<b>\d{1,2}/\d{1,2}/\d{4})[^.]{0,120}?ban hành"
)
HEADLINE_MIN_WORDS = 5
BODY_MIN_WORDS = 20
CHROME_MAX_WORDS = 6


@dataclass
class NewsParts:
    headline: str | None
    article: Article
    province: str | None
    warnings: list[Warning]


def _is_chrome_end(text: str) -> bool:
    return fold_heading(text).rstrip(":") in CHROME_END


def split_news(paragraphs: list[Paragraph], headline: str | None = None) -> NewsParts:
    """The article inside a news page's paragraphs.

    `headline` is given when the page's markup names it (a web page's title); the paragraphs
    are then the article's own, without it. Otherwise it is found among the paragraphs.
    """
    texts = [p.text.strip() for p in paragraphs if p.cells is None and p.text.strip()]
    end = next((i for i, t in enumerate(texts) if _is_chrome_end(t)), len(texts))
    texts = texts[:end]
    published: dt.date | None = None
    author: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    body: list[str] = []
    caption_count = 0
    head_at = _headline_index(texts) if headline is None else None
    if head_at is not None:
        headline = texts[head_at]
    for index, text in enumerate(texts):
        if (date := date_line(text)) is not None:
            published = published or date
            continue
        if head_at is not None and index <= head_at:
            continue
        if source := _SOURCE.match(text):
            publisher = (source["value"] or source["short"]).strip()
            continue
        if credit := _CREDIT.match(text):
            author = credit["value"].strip()
            continue
        if is_caption(text):
            caption_count += 1
            continue
        if prefix := _DATELINE_PREFIX.match(text):
            dateline = prefix.group(0).strip(" -–—()")
            text = text[prefix.end() :]
        body.append(text)
    if body and _BYLINE.match(body[-1]) and len(body[-1].split()) <= CHROME_MAX_WORDS - 2:
        author = author or body.pop()
    if publisher is None and dateline:
        publisher = _PUBLISHERS.get(dateline)
    main_text = "\n".join(body)
    about = _about(headline or "", main_text)
    article = Article(
        published=published, author=author, publisher=publisher, main_text=main_text, about=about
    )
    warnings = (
        [
            Warning(
                code="captions_dropped",
                message=f"{caption_count} photo caption(s) left out of the main text",
                where="article.main_text",
            )
        ]
        if caption_count
        else []
    )
    return NewsParts(headline=headline, article=article, province=about.province, warnings=warnings)


@cache
def _caption_rules() -> dict[str, Any]:
    text = resources.files("vnplan.extract").joinpath("data/captions.json").read_text("utf-8")
    rules: dict[str, Any] = json.loads(text)
    return rules


def is_caption(text: str) -> bool:
    """Is this paragraph a photo caption left in the page text?"""
    rules = _caption_rules()
    if any(marker.lower() in text.lower() for marker in rules["markers"]):
        return True
    one_sentence = text.endswith(".") and not re.search(r"[.!?]\s+[A-ZĐÀ-Ỹ]", text[:-1])
    return (
        one_sentence
        and len(text.split()) <= rules["max_words"]
        and not re.search(r"[;:]", text)
        and any(text.startswith(opener + " ") for opener in rules["openers"])
    )


def _headline_index(texts: list[str]) -> int | None:
    """The headline: the last title-like line before the first body paragraph."""
    first_body = next((i for i, t in enumerate(texts) if len(t.split()) >= BODY_MIN_WORDS), None)
    if first_body is None:
        return None
    for index in range(first_body - 1, -1, -1):
        text = texts[index]
        if (
            date_line(text) is None
            and len(text.split()) >= HEADLINE_MIN_WORDS
            and not text.endswith(".")
        ):
            return index
    return None


def _about(headline: str, text: str) -> PlanRef:
    plans = [c for c in find_citations(text) if c.doc_type == "Kế hoạch" and c.doc_number]
    number = plans[0].doc_number if plans else None
    issued = None
    if found := _ISSUED.search(text):
        issued = parse_date(found["a"] or found["b"])
    elif number and (near := SHORT_DATE.search(text)):
        issued = make_date(near["d"], near["m"], near["y"])
    province = likely_province(headline, text)
    return PlanRef(doc_number=number, issued_date=issued, province=province)
