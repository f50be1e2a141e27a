"""The output contract: schema v1 as Pydantic models, and its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vnplan.schema.models import (
    SCHEMA_VERSION,
    AgencyMention,
    AgencyRef,
    Appendix,
    AppendixRow,
    Article,
    Assignment,
    Document,
    Entities,
    ErrorRecord,
    HeritageRef,
    LegalBasis,
    Part,
    PartnerRef,
    Period,
    PillarMatch,
    PlanRef,
    Province,
    Section,
    Signer,
    Source,
    Timeline,
    Warning,
    walk_sections,
)

SCHEMA_FILE = Path(__file__).with_name("vnplan.schema.json")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a vnplan record."""
    schema: dict[str, Any] = Document.model_json_schema()
    schema["$id"] = "https://vnplan.invalid/schema/v1/vnplan.schema.json"
    schema["title"] = "vnplan document record, schema v1"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


__all__ = [
    "SCHEMA_FILE",
    "SCHEMA_VERSION",
    "AgencyMention",
    "AgencyRef",
    "Appendix",
    "AppendixRow",
    "Article",
    "Assignment",
    "Document",
    "Entities",
    "ErrorRecord",
    "HeritageRef",
    "LegalBasis",
    "Part",
    "PartnerRef",
    "Period",
    "PillarMatch",
    "PlanRef",
    "Province",
    "Section",
    "Signer",
    "Source",
    "Timeline",
    "Warning",
    "json_schema",
    "json_schema_text",
    "walk_sections",
]
