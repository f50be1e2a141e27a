"""sources.toml: the README's example reads as written; what cannot be followed is refused
with the source named."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vnplan.watch import Filters, Selectors, SourceError, sources_from_arguments, sources_from_file


def test_the_readme_example_reads_as_written(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    [example] = re.findall(r"```toml\n(.*?)\n```", readme, flags=re.S)
    path = tmp_path / "sources.toml"
    path.write_text(example, "utf-8")
    listing, feed, sitemap = sources_from_file(path)
    assert listing.kind == "listing" and listing.max_pages == 5
    assert listing.selectors == Selectors("table.list tr", "a.next", "td.date")
    assert listing.filters == Filters(dt.date(2025, 1, 1), ("Kế hoạch",), ())
    assert feed.name == "bao-lao-cai"
    assert feed.filters.words == ("ngoại giao văn hóa",)
    assert sitemap.kind == "auto" and sitemap.name == "laocai.gov.vn-sitemap.xml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nurl = "https://a.vn/"\ncolour = "red"', "unknown key(s) colour"),
        ('[[source]]\nname = "x"', "url ="),
        ('[[source]]\nurl = "ftp://a.vn/list"', "only http and https"),
        ('[[source]]\nurl = "https://a.vn/"\nentry = "div[["', "not a CSS selector"),
        ('[[source]]\nurl = "https://a.vn/"\nsince = "last week"', "since must be a date"),
        ('[[source]]\nurl = "https://a.vn/"\nkind = "atom"', "kind = 'atom'"),
        ('[[source]]\nurl = "https://a.vn/"\n[[source]]\nurl = "https://a.vn/"', "two sources"),
        ('url = "https://a.vn/"', "[[source]] table"),
        ("[[source]\n", "is not TOML"),
    ],
)
def test_a_source_that_cannot_be_followed_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(SourceError, match=re.escape(message)):
        sources_from_file(path)


def test_sources_given_as_urls_are_named_after_them() -> None:
    [source] = sources_from_arguments(["https://laocai.gov.vn/van-ban-moi/"])
    assert source.name == "laocai.gov.vn-van-ban-moi" and source.kind == "auto"
