"""Field-by-field scores of records against hand-written expected facts.

Scored the way GROBID reports header fields: for every field, precision / recall / F1 over all
documents, once with strict equality and once leniently (case, punctuation and spacing
ignored; long texts also match at ≥ 95 % similarity). A value that is predicted but wrong
counts as both a false positive and a false negative.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from vnplan.schema import Document
from vnplan.scores import Counts

LONG_TEXT = 40
LENIENT_SIMILARITY = 95.0


def lenient_key(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value)).casefold()
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def same(expected: object, predicted: object, lenient: bool) -> bool:
    if not lenient:
        return expected == predicted
    a, b = lenient_key(expected), lenient_key(predicted)
    if a == b:
        return True
    return len(a) > LONG_TEXT and fuzz.ratio(a, b) >= LENIENT_SIMILARITY


@dataclass
class Score:
    strict: dict[str, Counts] = field(default_factory=dict)
    lenient: dict[str, Counts] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add_scalar(self, name: str, expected: object, predicted: object, where: str) -> None:
        for lenient, table in ((False, self.strict), (True, self.lenient)):
            counts = table.setdefault(name, Counts())
            if expected is None and predicted is None:
                continue
            if (
                expected is not None
                and predicted is not None
                and same(expected, predicted, lenient)
            ):
                counts.tp += 1
                continue
            if predicted is not None:
                counts.fp += 1
            if expected is not None:
                counts.fn += 1
            if lenient:
                self.misses.append(f"{where} {name}: expected {expected!r}, got {predicted!r}")

    def add_items(self, name: str, expected: list[Any], predicted: list[Any], where: str) -> None:
        for lenient, table in ((False, self.strict), (True, self.lenient)):
            counts = table.setdefault(name, Counts())
            remaining = list(predicted)
            for item in expected:
                hit = next((p for p in remaining if same(item, p, lenient)), None)
                if hit is None:
                    counts.fn += 1
                    if lenient:
                        self.misses.append(f"{where} {name}: missing {item!r}")
                else:
                    counts.tp += 1
                    remaining.remove(hit)
            counts.fp += len(remaining)
            if lenient:
                self.misses.extend(f"{where} {name}: unexpected {p!r}" for p in remaining)


def _iso(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None


def score_document(score: Score, expected: dict[str, Any], doc: Document, where: str) -> None:
    """Add one document's comparison to `score`."""
    add = score.add_scalar
    add("kind", expected["kind"], doc.kind, where)
    add("title", expected.get("title"), doc.title, where)
    add("province", expected.get("province"), doc.province.name if doc.province else None, where)
    if expected["kind"] == "plan":
        _score_plan(score, expected, doc, where)
    if expected.get("news"):
        _score_news(score, expected["news"], doc, where)


def _score_plan(score: Score, expected: dict[str, Any], doc: Document, where: str) -> None:
    add = score.add_scalar
    add("doc_type", expected.get("doc_type"), doc.doc_type, where)
    add("doc_number", expected.get("doc_number"), doc.doc_number, where)
    add("issued_date", expected.get("issued_date"), _iso(doc.issued_date), where)
    add("place", expected.get("place"), doc.place, where)
    issuer = (doc.issuer.name or doc.issuer.raw) if doc.issuer else None
    add("issuer", expected.get("issuer"), issuer, where)
    nested = (
        ("signer", doc.signer, ("name", "position", "on_behalf_of")),
        ("period", doc.period, ("start_year", "end_year", "vision_year")),
    )
    for name, model, parts in nested:
        facts = expected.get(name) or {}
        for part in parts:
            got = getattr(model, part) if model else None
            add(f"{name}.{part}", facts.get(part), got, where)
    add(
        "truncated",
        expected.get("truncated") or None,
        any(w.code == "truncated" for w in doc.warnings) or None,
        where,
    )
    score.add_items(
        "legal_basis",
        [_legal(x) for x in expected.get("legal_basis", [])],
        [_legal(x.model_dump(mode="json")) for x in doc.legal_basis],
        where,
    )
    score.add_items("recipients", expected.get("recipients", []), doc.recipients, where)
    sections = doc.iter_sections()
    score.add_items(
        "section_paths",
        ["/".join(s["path"]) for s in expected["sections"]],
        ["/".join(s.path) for s in sections],
        where,
    )
    score.add_items(
        "section_titles",
        [("/".join(s["path"]), s["title"]) for s in expected["sections"]],
        [("/".join(s.path), s.title) for s in sections],
        where,
    )
    score.add_items(
        "section_roles",
        [("/".join(s["path"]), s["role"]) for s in expected["sections"]],
        [("/".join(s.path), s.role) for s in sections],
        where,
    )
    _score_rows(score, expected.get("appendix_rows", []), doc, where)


def _legal(item: dict[str, Any]) -> tuple[object, ...]:
    return (item.get("doc_type"), item.get("doc_number"), item.get("date"), item.get("issuer"))


def _score_rows(score: Score, expected: list[dict[str, Any]], doc: Document, where: str) -> None:
    rows = [row for appendix in doc.appendices for row in appendix.rows]
    score.add_items(
        "row_keys",
        [(r["group"], r["stt"]) for r in expected],
        [(r.group, r.stt) for r in rows],
        where,
    )
    by_key = {(r.group, r.stt): r for r in rows}
    for item in expected:
        key = (item["group"], item["stt"])
        row = by_key.get(key)
        label = f"{where} row {key[0]}.{key[1]}"
        score.add_scalar(
            "row.group_title", item.get("group_title"), row.group_title if row else None, label
        )
        start = item["content_start"]
        got = row.content[: len(start)] if row else None
        score.add_scalar("row.content_start", start, got, label)
        score.add_items("row.lead", item["lead"], [a.raw for a in row.lead] if row else [], label)
        score.add_items(
            "row.coordinating",
            item["coordinating"],
            [a.raw for a in row.coordinating] if row else [],
            label,
        )
        timeline = item.get("timeline")
        got_timeline = row.timeline.model_dump() if row and row.timeline else None
        score.add_scalar("row.timeline", _timeline(timeline), _timeline(got_timeline), label)


def _timeline(value: dict[str, Any] | None) -> tuple[object, ...] | None:
    if value is None:
        return None
    return (value["raw"], tuple(value["years"]), value["recurrence"])


def _score_news(score: Score, news: dict[str, Any], doc: Document, where: str) -> None:
    add = score.add_scalar
    article = doc.article
    add(
        "news.published", news.get("published"), _iso(article.published) if article else None, where
    )
    add("news.author", news.get("author"), article.author if article else None, where)
    add("news.publisher", news.get("publisher"), article.publisher if article else None, where)
    text = article.main_text if article else ""
    start, end = news["main_text_start"], news["main_text_end"]
    add("news.main_text_start", start, text[: len(start)] or None, where)
    add("news.main_text_end", end, text[-len(end) :] or None, where)
    chrome = news.get("must_not_contain", [])
    score.add_items("news.chrome_removed", chrome, [c for c in chrome if c not in text], where)
    about = news.get("about") or {}
    got = article.about if article else None
    add("news.about.doc_number", about.get("doc_number"), got.doc_number if got else None, where)
    add(
        "news.about.issued_date",
        about.get("issued_date"),
        _iso(got.issued_date) if got else None,
        where,
    )
    add("news.about.province", about.get("province"), got.province if got else None, where)


def load_expected(folder: Path) -> list[dict[str, Any]]:
    """The expected facts of every sample: each file names its sample and, under
    "same_document", the other samples of the same document (its PDF, Word file, web page)
    with the facts that differ for them (e.g. a signer only the portal page names)."""
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        others = data.pop("same_document", {})
        out.append({**data, "samples": [data["sample"]]})
        for sample, changes in others.items():
            facts = json.loads(json.dumps(data))
            for key, value in changes.items():
                if key.startswith("_"):
                    continue
                if isinstance(value, dict) and isinstance(facts.get(key), dict):
                    facts[key].update(value)
                else:
                    facts[key] = value
            out.append({**facts, "sample": sample, "samples": [sample]})
    return out


def format_group(doc: Document) -> str:
    """Scores are kept per kind of input: txt, pdf, pdf-ocr (scanned), docx, html."""
    return doc.source.format + ("-ocr" if doc.source.ocr else "")


def _pairs(
    expected: Iterable[dict[str, Any]], records: dict[str, Document], missing: list[str]
) -> Iterator[tuple[dict[str, Any], str, Document]]:
    """(facts, sample, record) for every sample the facts name; samples without a record
    are added to `missing`."""
    for facts in expected:
        for sample in facts["samples"]:
            doc = records.get(sample)
            if doc is None:
                missing.append(sample)
            else:
                yield facts, sample, doc


def score_records(
    expected: Iterable[dict[str, Any]], records: dict[str, Document]
) -> tuple[Score, list[str]]:
    """Score every sample named by the expected facts; `records` maps sample path → record."""
    score, missing = Score(), list[str]()
    for facts, sample, doc in _pairs(expected, records, missing):
        score_document(score, facts, doc, Path(sample).name)
    return score, missing


def score_by_group(
    expected: Iterable[dict[str, Any]], records: dict[str, Document]
) -> tuple[dict[str, Score], list[str]]:
    """Like `score_records`, with one Score per kind of input (see `format_group`)."""
    groups: dict[str, Score] = {}
    missing: list[str] = []
    for facts, sample, doc in _pairs(expected, records, missing):
        score_document(groups.setdefault(format_group(doc), Score()), facts, doc, Path(sample).name)
    return dict(sorted(groups.items())), missing


def summary(score: Score) -> dict[str, dict[str, float]]:
    """{field: {strict_f1, lenient_f1, lenient_precision, lenient_recall}}."""
    out: dict[str, dict[str, float]] = {}
    for name in sorted(score.strict):
        strict, lenient = score.strict[name], score.lenient[name]
        out[name] = {
            "strict_f1": round(strict.f1, 4),
            "lenient_precision": round(lenient.precision, 4),
            "lenient_recall": round(lenient.recall, 4),
            "lenient_f1": round(lenient.f1, 4),
            "support": lenient.tp + lenient.fn,
        }
    return out


def below_floors(table: dict[str, dict[str, float]], floors: dict[str, float]) -> list[str]:
    """Fields whose lenient F1 is under the pinned floor (a field with no floor is not gated)."""
    failures = []
    for name, floor in sorted(floors.items()):
        got = table.get(name, {}).get("lenient_f1")
        if got is None or got < floor:
            failures.append(f"{name}: lenient F1 {got} < floor {floor}")
    return failures
