"""normalize_document: the last pipeline step — repairs, province, agencies, entities."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from vnplan.extract.administrative import assignments_of
from vnplan.extract.bodies import is_central
from vnplan.schema import (
    AgencyRef,
    Appendix,
    Assignment,
    Document,
    Entities,
    Warning,
    walk_sections,
)
from vnplan.text.ocr_tones import printed_runs, syllable_counts

from .agencies import agency_ref, resolve_agency
from .entities import count_agencies, count_heritage, count_partners
from .fields import editable_fields, entity_texts
from .gazetteer import Gazetteer, ProvinceEntry, default_gazetteer
from .index import place_end, unit_keys
from .matcher import analyse
from .mentions import Found, agency_spans, unknown_body_kind
from .ocr import printed_name, repair_text
from .provinces import mentioned_provinces, most_mentioned, province_at, to_province
from .splitting import agency_and_role, split_agency_list
from .text import clean_edges, fix_text, fold


def _repair_texts(gaz: Gazetteer, doc: Document, warnings: list[Warning], ocr: bool) -> None:
    fields = list(editable_fields(doc))
    seen = syllable_counts(f.get() or "" for f in fields if not f.echo) if ocr else None
    runs = printed_runs(seen) if seen is not None else None
    for f in fields:
        value = f.get()
        if not value:
            continue
        fixed, found = fix_text(value)
        repaired, more = repair_text(gaz, fixed, ocr=ocr, seen=seen, runs=runs)
        if repaired != value:
            f.set(repaired)
        warnings.extend(w.model_copy(update={"where": f.path}) for w in [*found, *more])


def _repair_header_bodies(gaz: Gazetteer, doc: Document, warnings: list[Warning]) -> None:
    """The bodies of an OCR'd header (issuer, its parent, co-issuers) with their marks as the
    document's text prints their names (`printed_name`)."""
    texts = [value for f in editable_fields(doc) if not f.echo and (value := f.get())]
    bodies = [("issuer", doc.issuer), ("issuer_parent", doc.issuer_parent),
              *((f"co_issuers[{k}]", ref) for k, ref in enumerate(doc.co_issuers))]
    for where, ref in bodies:
        if ref is None:
            continue
        raw, found = printed_name(gaz, ref.raw, texts)
        if found:
            ref.raw = raw
            warnings.extend(w.model_copy(update={"where": where}) for w in found)


def _first_province(gaz: Gazetteer, texts: Iterable[str | None]) -> ProvinceEntry | None:
    for text in texts:
        found = mentioned_provinces(gaz, text) if text else []
        if found:
            return found[0]
    return None


_COMPANY = re.compile(r"^\W*(?:tổng\s+)?công\s+ty\b", re.IGNORECASE)


def document_province(gaz: Gazetteer, doc: Document) -> ProvinceEntry | None:
    """The province of a document's issuer: named in the issuer or the body above it
    ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ"), else the place line's when the issuer is a local body
    (a company's place line says where it sits, not a province it belongs to);
    none for a national body, whatever its place line says ("Hà Nội"). For news, the province
    the article is about, then its title, then the one it mentions most."""
    if doc.kind == "news":
        about = doc.article.about.province if doc.article else None
        current = doc.province.name if doc.province else None
        return _first_province(gaz, [about, current, doc.title]) or most_mentioned(
            gaz, entity_texts(doc)
        )
    bodies = [ref.raw for ref in (doc.issuer, doc.issuer_parent, *doc.co_issuers) if ref]
    named = _first_province(gaz, bodies)
    if named is not None or any(is_central(b) for b in bodies):
        return named
    if any(_COMPANY.match(b) for b in bodies):
        return None  # a company belongs to no province; its place line says where it sits
    placed = _first_province(gaz, [doc.place])
    if bodies or placed is None:
        return placed
    # no issuer printed: the place line counts when the title names that province too
    in_title = mentioned_provinces(gaz, doc.title) if doc.title else []
    return placed if any(p.name == placed.name for p in in_title) else None


def _set_province(doc: Document, entry: ProvinceEntry | None, warnings: list[Warning]) -> None:
    if entry is None:
        if doc.province is not None:  # a province is one the gazetteer knows, or none
            message = f"{doc.province.name!r} is no province: dropped"
            warnings.append(Warning(code="province_unknown", message=message, where="province"))
            doc.province = None
        return
    new = to_province(entry)
    old = doc.province
    if old is not None and old.name != new.name:
        message = f"{old.name} → {new.name}"
        warnings.append(Warning(code="province_canonicalised", message=message, where="province"))
    if old != new:
        doc.province = new


class _Resolver:
    """A document's agency texts resolved for its province, each distinct text once: a long
    plan names the same bodies in row after row. Each call returns a copy of its own, so no
    two places of the record share one object. `items`, `role` and `spans` keep, for the
    document, what one text gives: its list's items (`split_agency_list`), an item's agency
    and what it is said to do (`agency_and_role`), and the agency names in it
    (`agency_spans`)."""

    def __init__(self, gaz: Gazetteer, province: str | None) -> None:
        self.gaz, self.province = gaz, province
        self._resolved = cache(lambda raw: resolve_agency(raw, province, gaz))
        self.items = cache(lambda raw: tuple(split_agency_list(raw, gaz)))
        self.role = cache(lambda item: agency_and_role(item, gaz))
        self.spans = cache(lambda text: tuple(agency_spans(gaz, text)))

    def __call__(self, raw: str) -> AgencyRef:
        ref = self._resolved(raw)
        return ref.model_copy(update={"successor_ids": [*ref.successor_ids],
                                      "predecessor_ids": [*ref.predecessor_ids]})


def _resplit(
    resolve: _Resolver, refs: list[AgencyRef], where: str, warnings: list[Warning]
) -> list[AgencyRef]:
    out: list[AgencyRef] = []
    for j, ref in enumerate(refs):
        items = resolve.items(ref.raw) or (ref.raw,)
        if len(items) > 1:
            warnings.append(
                Warning(
                    code="agency_split",
                    message=f"{ref.raw} → {' | '.join(items)}",
                    where=f"{where}[{j}]",
                )
            )
        for item in items:
            agency, role = resolve.role(item)
            if role is not None:
                warnings.append(Warning(
                    code="agency_role", where=f"{where}[{j}]",
                    message=f"'{item}': the agency is '{agency}', '{role}' what it does"))
            out.append(resolve(agency))
    return out


def _tables(doc: Document) -> list[tuple[str, Appendix]]:
    """Every table of the document and of the documents it issues, with its path."""
    return [(f"appendices[{a}]", x) for a, x in enumerate(doc.appendices)] + [
        (f"parts[{p}].appendices[{a}]", x)
        for p, part in enumerate(doc.parts) for a, x in enumerate(part.appendices)]


def _with_part_assignments(doc: Document) -> list[Assignment]:
    """The document's assignments and those of the documents it issues: a Kế hoạch attached
    to a decision has its own "Tổ chức thực hiện". Already there (a record normalised again,
    its list items split) is not added twice."""
    out = list(doc.assignments)
    held = {(tuple(x.section_path), fold(x.agency.raw)) for x in out}
    for part in doc.parts:
        for assignment in assignments_of(part.sections):
            path, raw = tuple(assignment.section_path), fold(assignment.agency.raw)
            if not any(p == path and r in raw for p, r in held):
                out.append(assignment)
    return out


def _resolve_refs(resolve: _Resolver, doc: Document, warnings: list[Warning]) -> None:
    for where, appendix in _tables(doc):
        for r, row in enumerate(appendix.rows):
            base = f"{where}.rows[{r}]"
            row.lead = _resplit(resolve, row.lead, f"{base}.lead", warnings)
            row.coordinating = _resplit(resolve, row.coordinating, f"{base}.coordinating",
                                        warnings)
    doc.assignments = _with_part_assignments(doc)
    split: list[Assignment] = []
    for k, assignment in enumerate(doc.assignments):
        ref = resolve(assignment.agency.raw)
        items = resolve.items(assignment.agency.raw)
        if ref.id is None and len(items) > 1:
            warnings.append(
                Warning(
                    code="assignment_split",
                    message=f"one item assigns {len(items)} agencies: " + " | ".join(items),
                    where=f"assignments[{k}].agency",
                )
            )
            split.extend(
                assignment.model_copy(update={"agency": resolve(item)})
                for item in items
            )
        else:
            split.append(assignment.model_copy(update={"agency": ref}))
    doc.assignments = split
    if doc.issuer is not None:
        doc.issuer = resolve(doc.issuer.raw)
    if doc.issuer_parent is not None:  # the body above the issuer ("UBND TỈNH NINH BÌNH")
        doc.issuer_parent = resolve(doc.issuer_parent.raw)
    doc.co_issuers = [resolve(ref.raw) for ref in doc.co_issuers]


def _ref(resolve: _Resolver, found: Found) -> AgencyRef:
    gaz = resolve.gaz
    ref = resolve(found.name or found.raw).model_copy(update={"raw": found.raw})
    if ref.id is None and found.name is not None:
        ref = ref.model_copy(update={"name": found.name})
    if ref.id is None and found.agency_id is not None:
        ref = agency_ref(gaz, found.raw, gaz.agencies[found.agency_id], resolve.province)
    if found.group and ref.level != "group":  # the text makes it a class of bodies
        ref = AgencyRef(raw=found.raw, name=clean_edges(found.raw), level="group")
    return ref


_UNIT_COLUMNS = ("đơn vị", "cơ quan")
_BRACKETED = re.compile(r"\(([^()]*)\)")  # a cell's remark can name the unit that does it
_BELOW_PROVINCE = frozenset({"district", "town", "city", "commune", "ward"})


def _unnamed_unit_as_group(ref: AgencyRef) -> AgencyRef:
    """A body of a unit below the province named without its unit's name ("UBND xã quản
    lý") stands for every such body, a group."""
    if ref.level in _BELOW_PROVINCE and ref.place is None:
        return ref.model_copy(update={"level": "group", "name": ref.name or clean_edges(ref.raw)})
    return ref


def _unit_body(gaz: Gazetteer, text: str, province: str | None) -> AgencyRef | None:
    """The people's committee of a local unit named alone ("Xã Đắk Song", "Phường 2 Bảo
    Lộc"), or None."""
    a = analyse(text)
    keys = tuple(t.key for t in a.tokens)
    unit, k = next(((u, len(ks)) for u, ks in unit_keys(gaz) if keys[: len(ks)] == ks),
                   (None, 0))
    if unit is None or province_at(gaz, a, 0) is not None:
        return None
    if k >= len(keys) or place_end(gaz, a, k) != len(keys):
        return None
    level = gaz.agency_rules.units[unit]
    entry = gaz.agencies["ubnd-xa" if level in {"commune", "ward"} else "ubnd-huyen"]
    return agency_ref(gaz, text, entry, province, (unit, a.raw(k, len(a.tokens))))


def _unit_cells(gaz: Gazetteer, doc: Document, province: str | None) -> list[AgencyRef]:
    """Local units named alone in a table whose columns say they list units or bodies ("Đơn
    vị được kiểm tra", "Cơ quan thực hiện"): by the table's own heading each names the
    unit's government, its people's committee."""
    refs: list[AgencyRef] = []
    for appendix in [*doc.appendices, *(a for part in doc.parts for a in part.appendices)]:
        columns = [i for i, c in enumerate(appendix.columns) if fold(c).startswith(_UNIT_COLUMNS)]
        if not columns:
            continue
        cells = [row.content for row in appendix.rows] + [
            row[i] for row in appendix.cells for i in columns if i < len(row)]
        refs += [ref for cell in cells if (ref := _unit_body(gaz, cell, province)) is not None]
    return refs


def agency_mentions(resolve: _Resolver, doc: Document) -> list[AgencyRef]:
    """Every agency mention in a document, resolved: in its texts, its table cells, its issuer
    and the assignments whose agency is not already the title of their section. A cell or an
    assignment that names no known body counts only when it is built like an agency's name
    (a timeline or a product in the lead column is none)."""
    gaz = resolve.gaz
    mentions = [_ref(resolve, f) for text in entity_texts(doc) for f in resolve.spans(text)]
    cells = [ref for _, a in _tables(doc) for row in a.rows
             for ref in (*row.lead, *row.coordinating)]
    if doc.issuer is not None:
        cells.append(doc.issuer)
    titles: dict[tuple[str, ...], list[str]] = {}
    for body in [doc.sections, *(part.sections for part in doc.parts)]:
        for s in walk_sections(body):
            titles.setdefault(tuple(s.path), []).append(fold(s.title))
    for assignment in doc.assignments:
        named = titles.get(tuple(assignment.section_path), [])
        if not any(fold(assignment.agency.raw) in title for title in named):
            cells.append(assignment.agency)
    mentions += _unit_cells(gaz, doc, resolve.province)
    remarks = [m.group(1) for ref in cells for m in _BRACKETED.finditer(ref.raw)]
    mentions += [_ref(resolve, f) for text in remarks for f in resolve.spans(text)]
    mentions = [_unnamed_unit_as_group(ref) for ref in mentions]
    for ref in cells:
        kind = None if ref.id is not None else unknown_body_kind(gaz, ref.raw)
        if kind == "group":
            ref = ref.model_copy(update={"name": clean_edges(ref.raw), "level": "group"})
        if ref.id is not None or kind is not None:
            mentions.append(ref)
    return _cut_names_completed(mentions)


def _name_key(ref: AgencyRef) -> str:
    return fold(clean_edges(ref.name or ref.raw))


_NUMBER = re.compile(r" \d+(?= )")


def _cut_names_completed(mentions: list[AgencyRef]) -> list[AgencyRef]:
    """A name the gazetteer lacks that another mention of the same document goes on from
    ("Ủy ban Quốc phòng" where "Ủy ban Quốc phòng, An ninh và Đối ngoại" is named too, a
    citation cut at its comma), or that the other writes with its number ("Ban Chỉ đạo
    tỉnh", "Ban Chỉ đạo 138 tỉnh"), stands for that fuller name: the document says which
    body it is."""
    keys = {_name_key(ref): ref for ref in mentions if ref.level != "group"}
    out: list[AgencyRef] = []
    for ref in mentions:
        key = _name_key(ref)
        longer = None if ref.id is not None or ref.level == "group" else min(
            (k for k in keys if k != key and (k.startswith((key + " ", key + ","))
                                              or _NUMBER.sub("", k) == key)),
            key=len, default=None)
        if longer is not None:
            full = keys[longer]
            ref = full.model_copy(update={"raw": ref.raw, "name": full.name or clean_edges(
                full.raw)})
        out.append(ref)
    return out


def normalize_document(
    doc: Document, *, ocr_text: bool | None = None, gazetteer: Gazetteer | None = None,
    copy: bool = True,
) -> Document:
    """A new Document: text repairs (look-alikes, evidenced OCR damage) as
    warnings, province filled/canonicalised, agency cells re-split and every AgencyRef
    resolved, and entities (agencies, heritage, partners with counts) computed.

    OCR repairs that rest on the phrase alone ("phô biến" → "phổ biến", listed in
    data/ocr_repairs.json) are made only for OCR'd text: a scanned source, or when the caller
    says the text came from OCR (`ocr_text=True`); gazetteer-evidenced ones always are.
    `copy=False` changes `doc` itself and returns it (for a caller that owns it: the
    pipeline's freshly extracted record), saving a deep copy of a long document."""
    gaz = gazetteer or default_gazetteer()
    out = doc.model_copy(deep=True) if copy else doc
    warnings: list[Warning] = []
    ocr = doc.source.ocr if ocr_text is None else ocr_text
    _repair_texts(gaz, out, warnings, ocr=ocr)
    if ocr:
        _repair_header_bodies(gaz, out, warnings)
    _set_province(out, document_province(gaz, out), warnings)
    province = out.province.name if out.province else None
    resolve = _Resolver(gaz, province)
    _resolve_refs(resolve, out, warnings)
    texts = entity_texts(out)
    out.entities = Entities(
        agencies=count_agencies(agency_mentions(resolve, out)),
        heritage=count_heritage(gaz, texts),
        partners=count_partners(gaz, texts),
    )
    out.warnings = [*out.warnings, *warnings]
    return out


def unmatched_agencies(
    docs: Iterable[Document], gazetteer: Gazetteer | None = None
) -> list[tuple[str, int]]:
    """Agency-like strings that matched no gazetteer entry, with how often they occur, most
    frequent first (for ``vnplan agencies --unmatched``). Records are normalised first, so
    raw and already normalised records give the same answer."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for doc in docs:
        for mention in normalize_document(doc, gazetteer=gazetteer).entities.agencies:
            if mention.id is not None:
                continue
            raw = clean_edges(mention.raw)
            key = fold(raw)
            shown.setdefault(key, raw)
            counts[key] += mention.count
    return sorted(((shown[k], n) for k, n in counts.items()), key=lambda x: (-x[1], x[0]))
