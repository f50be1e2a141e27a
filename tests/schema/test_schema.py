"""schema/: the contract. The committed JSON Schema is current; records round-trip; typos fail."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from vnplan import convert
from vnplan.schema import (
    SCHEMA_FILE,
    AgencyMention,
    Article,
    Document,
    Entities,
    json_schema,
    json_schema_text,
)


def test_committed_json_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text("utf-8") == json_schema_text(), (
        "schema/vnplan.schema.json is stale: run `vnplan schema > schema/vnplan.schema.json`"
    )


def test_contract_field_names() -> None:
    props = json_schema()["properties"]
    for name in (
        "schema_version",
        "id",
        "kind",
        "source",
        "title",
        "doc_type",
        "doc_number",
        "issued_date",
        "place",
        "province",
        "issuer",
        "signer",
        "period",
        "legal_basis",
        "sections",
        "appendices",
        "assignments",
        "recipients",
        "entities",
        "article",
        "warnings",
    ):
        assert name in props
    defs = json_schema()["$defs"]
    assert set(defs["AppendixRow"]["properties"]) >= {
        "group",
        "group_title",
        "stt",
        "content",
        "lead",
        "coordinating",
        "timeline",
        "note",
        "pages",
    }
    assert set(defs["AgencyRef"]["properties"]) >= {"raw", "id", "name", "level", "province"}
    assert set(defs["Section"]["properties"]) >= {
        "number",
        "path",
        "title",
        "text",
        "role",
        "children",
        "page",
    }


def test_record_round_trips_through_json() -> None:
    doc = convert("samples/lao-cai-122-kh-ubnd-2022.txt")
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert Document.model_validate(doc.model_dump()) == doc


def test_unknown_fields_are_rejected() -> None:
    data = json.loads(convert("samples/lang-son-227-kh-ubnd-2021.txt").model_dump_json())
    data["sections"][0]["titel"] = "typo"
    with pytest.raises(ValidationError):
        Document.model_validate(data)


def test_record_is_the_same_for_bytes_and_path_except_uri() -> None:
    path = "samples/lang-son-227-kh-ubnd-2021.txt"
    from_path = convert(path)
    with open(path, "rb") as handle:
        from_bytes = convert(handle.read(), uri=path)
    assert from_bytes == from_path
    assert from_path.source.uri == path and from_path.source.fetched_at is None


def test_defaults_are_new_for_every_record() -> None:
    """A list or model a field defaults to is made anew for each record, never shared."""
    minimal = {"id": "x", "kind": "plan", "extractor_version": "0",
               "source": {"uri": "a.txt", "format": "txt", "sha256": "0" * 64}}
    first, second = Document.model_validate(minimal), Document.model_validate(minimal)
    assert first.sections == [] and first.entities == Entities() and first.article is None
    first.sections.append(convert("samples/lang-son-227-kh-ubnd-2021.txt").sections[0])
    first.entities.agencies.append(AgencyMention(raw="UBND tỉnh"))
    assert second.sections == [] and second.entities.agencies == []
    assert first.entities is not second.entities
    assert Article(main_text="x").about is not Article(main_text="y").about
