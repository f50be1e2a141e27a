"""Legacy 8-bit Vietnamese text (TCVN3/ABC, VNI-Windows, VISCII) read as Windows-1252.

The byte strings below were produced independently of vnplan's tables: the TCVN3 and VISCII
ones with GNU iconv (TCVN5712-1, VISCII), the VNI ones by hand from the VNI scheme (base
letter + mark byte: "Vieät Nam" is the classic VNI rendering of "Việt Nam"). The round-trip
tests then encode sample sentences with the inverse of vnplan's own tables.
"""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from vnplan.pipeline import convert
from vnplan.text.legacy import convert_legacy, detect_legacy_encoding

SENTENCE = (
    "Việt Nam Lào Cai Kế hoạch hành động triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 "
    "trên địa bàn tỉnh"
)
KNOWN_BYTES = [
    (
        "tcvn3",
        b"Vi\xd6t Nam L\xb5o Cai K\xd5 ho\xb9ch h\xb5nh \xae\xe9ng tri\xd3n khai Chi\xd5n "
        b"l\xad\xeec Ngo\xb9i giao v\xa8n h\xe3a \xae\xd5n n\xa8m 2030 tr\xaan "
        b"\xae\xdea b\xb5n t\xd8nh",
        SENTENCE,
    ),
    (
        "viscii",
        b"Vi\xaet Nam L\xe0o Cai K\xaa ho\xd5ch h\xe0nh \xf0\xb5ng tri\xacn khai Chi\xaan "
        b"l\xdf\xfec Ngo\xd5i giao v\xe5n h\xf3a \xf0\xaan n\xe5m 2030 tr\xean "
        b"\xf0\xb8a b\xe0n t\xefnh",
        SENTENCE,
    ),
    (
        "vni",
        b"Vie\xe4t Nam, S\xf4\xfb Ngoa\xefi vu\xef, tr\xf6\xf4\xf8ng ho\xefc, \xd1a\xf8 Na\xfcng",
        "Việt Nam, Sở Ngoại vụ, trường học, Đà Nẵng",
    ),
]


@pytest.mark.parametrize(("encoding", "data", "expected"), KNOWN_BYTES)
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_known_bytes(encoding: str, data: bytes, expected: str, codec: str) -> None:
    text = data.decode(codec)
    assert detect_legacy_encoding(text) == encoding
    assert convert_legacy(text, encoding) == expected


def _inverse(encoding: str) -> dict[str, str]:
    raw = resources.files("vnplan.text").joinpath("data/legacy_encodings.json")
    table: dict[str, str] = json.loads(raw.read_text("utf-8"))[encoding]
    inverse: dict[str, str] = {}
    for key, char in table.items():
        inverse.setdefault(char, key)
    return inverse


def encode(text: str, encoding: str) -> bytes:
    """``text`` as the legacy font would store it (through the inverse of vnplan's table)."""
    inverse = _inverse(encoding)
    out = "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))
    return out.encode("cp1252", errors="strict") if encoding != "viscii" else out.encode("latin-1")


ROUND_TRIP = [
    "Sở Ngoại vụ chủ trì, phối hợp với các cơ quan, đơn vị, địa phương liên quan.",
    'Bảo vệ, phổ biến "Nghi lễ và trò chơi kéo co của người Tày, Giáy".',
    "Tăng cường phối hợp với các kênh truyền hình đối ngoại như VTV4, VTC10.",
    "tỉnh Vân Nam (Trung Quốc), vùng Nouvelle Aquitaine (Pháp); Nhật Bản, Hàn Quốc.",
    "Căn cứ nhiệm vụ được phân công chủ động đưa mục tiêu vào kế hoạch công tác hằng năm.",
]


@pytest.mark.parametrize("sentence", ROUND_TRIP)
@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
def test_round_trip(sentence: str, encoding: str) -> None:
    data = encode(sentence, encoding)
    text = data.decode("cp1252" if encoding != "viscii" else "latin-1")
    assert text != sentence
    assert detect_legacy_encoding(text) == encoding
    assert convert_legacy(text, encoding) == sentence


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,  # already Unicode
        "Cà phê",  # Unicode Vietnamese that happens to fit in Latin-1
        "Cultural diplomacy strategy to 2030",
        "café à Paris, très bien",
        "",
    ],
)
def test_not_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert_legacy("x", "vps")


def test_a_tcvn3_text_is_unicode_before_extraction_reads_it() -> None:
    tcvn3 = "Së Ngo¹i vô chñ tr×, phèi hîp víi c¸c c¬ quan, ®¬n vÞ liªn quan.\n"
    doc = convert(("Lµo Cai\n" + tcvn3).encode("cp1252"), uri="tcvn3.txt")
    assert doc.article is not None
    assert doc.article.main_text.endswith(
        "Sở Ngoại vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan."
    )
    assert [(w.code, w.message) for w in doc.warnings] == [
        ("text_encoding", "not UTF-8: read as tcvn3")
    ]
    assert {a.id for a in doc.entities.agencies} >= {"so-ngoai-vu"}
