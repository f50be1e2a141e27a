"""Agencies across documents: what `vnplan agencies` lists, read from `entities.agencies`.

Each document counts once (one record per document, as `compare` and `export` count), and a
row's label fits what it adds up: the agency's full name when every document naming it is of
one province ("Sở Ngoại vụ tỉnh Lào Cai"), its name without the province when the row adds up
several ("Sở Ngoại vụ tỉnh"). Unmatched strings are the mentions the normalizer could not name
(`id` null), exactly as the records hold them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from vnplan.outputs.records import plain
from vnplan.schema import AgencyRef, Document
from vnplan.text.fold import fold_heading


def agency_key(agency: AgencyRef) -> str:
    return agency.id or fold_heading(agency.raw)


def agency_label(agency: AgencyRef) -> str:
    return agency.name or " ".join(agency.raw.split())


def generic_label(agency: AgencyRef) -> str:
    """The agency's name without its province's name ("Sở Ngoại vụ tỉnh Lào Cai" → "Sở Ngoại
    vụ tỉnh", "Ủy ban nhân dân thành phố Cần Thơ" → "Ủy ban nhân dân thành phố"), for rows that
    add up one kind of agency across provinces."""
    label = agency_label(agency)
    suffix = f" {agency.province}" if agency.province else ""
    if suffix and label.endswith(suffix) and len(label) > len(suffix):
        return label[: -len(suffix)]
    return label


@dataclass(frozen=True)
class AgencyTotal:
    """One agency (by id) across the documents that name it."""

    id: str | None
    name: str
    documents: int
    mentions: int
    provinces: tuple[str, ...]


def _most_common(names: Counter[str]) -> str:
    return min(names, key=lambda n: (-names[n], plain(n), n))


def agency_totals(docs: Sequence[Document]) -> list[AgencyTotal]:
    """Every agency the documents mention, most mentioned first (ties: most documents, name)."""
    mentions: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    full: dict[str, Counter[str]] = defaultdict(Counter)
    generic: dict[str, Counter[str]] = defaultdict(Counter)
    provinces: dict[str, set[str]] = defaultdict(set)
    ids: dict[str, str | None] = {}
    for doc in docs:
        named: set[str] = set()
        for mention in doc.entities.agencies:
            key = agency_key(mention)
            ids[key] = mention.id
            mentions[key] += mention.count
            named.add(key)
            full[key][agency_label(mention)] += mention.count
            generic[key][generic_label(mention)] += mention.count
            if mention.province:
                provinces[key].add(mention.province)
        documents.update(named)
    rows = []
    for key in mentions:
        one_scope = len(full[key]) == 1 and len(provinces[key]) <= 1
        name = _most_common(full[key] if one_scope else generic[key])
        where = tuple(sorted(provinces[key], key=plain))
        rows.append(AgencyTotal(ids[key], name, documents[key], mentions[key], where))
    return sorted(rows, key=lambda r: (-r.mentions, -r.documents, plain(r.name), r.id or ""))


def unmatched_agencies(docs: Sequence[Document]) -> list[tuple[str, int]]:
    """Agency-like strings the records name without an id, with how often they occur, most
    frequent first; spellings that differ only in case, spacing or tone-mark placement ("hoá" /
    "hóa") are one row."""
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for mention in doc.entities.agencies:
            if mention.id is not None:
                continue
            raw = " ".join(mention.raw.split())
            counts[fold_heading(raw)] += mention.count
            shown[fold_heading(raw)][raw] += mention.count
    rows = [(_most_common(shown[key]), n) for key, n in counts.items()]
    return sorted(rows, key=lambda r: (-r[1], plain(r[0]), r[0]))
