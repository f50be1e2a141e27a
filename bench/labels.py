"""Scoring records against the corpus labels (tests/data/corpus/, see its README).

Each field is compared the way a reader would check it: case, spacing, Unicode form, tone
placement and end punctuation are folded away; a value the document leaves blank is right when
the record leaves it blank too. Lists (legal bases, recipients, sections, task rows) are
scored as sets with precision, recall and F1.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from vnplan.extract.doc_types import split_type_line
from vnplan.schema import Document
from vnplan.scores import Counts
from vnplan.text.fold import fold_heading

LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
SIMILAR = 90.0  # rapidfuzz ratio at which two list items (recipients …) are the same item
ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}


def key(value: object) -> str:
    """The folded comparison form of a printed value."""
    text = fold_heading(str(value))
    text = re.sub(r"[\s\u00a0]+", " ", re.sub(r"[^\w/.\-]+", " ", text))
    words = [ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(words).strip(" .-/")


def number_key(value: object) -> str:
    return re.sub(r"\s+", "", str(value)).upper().rstrip(".")


@dataclass
class Tally:
    """Accuracy of one single-valued field, with the documents it failed on."""

    right: int = 0
    total: int = 0
    misses: list[tuple[str, object, object]] = field(default_factory=list)

    def add(self, name: str, ok: bool, expected: object, got: object) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append((name, expected, got))

    @property
    def score(self) -> float:
        return self.right / self.total if self.total else float("nan")


@dataclass
class SetTally:
    """Precision/recall/F1 of a list field over all documents, with per-document misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, object, object]] = field(default_factory=list)

    def add(self, name: str, expected: list[Any], got: list[Any],
            same: Callable[[Any, Any], bool]) -> None:
        unmatched = list(got)
        missed = []
        for item in expected:
            hit = next((g for g in unmatched if same(item, g)), None)
            if hit is None:
                missed.append(item)
            else:
                unmatched.remove(hit)
        self.tp += len(expected) - len(missed)
        self.fn += len(missed)
        self.fp += len(unmatched)
        if missed or unmatched:
            self.misses.append((name, missed, unmatched))

    @property
    def score(self) -> float:
        """F1 of the counts."""
        return Counts(self.tp, self.fp, self.fn).f1


def load_labels(only: str | None = None) -> list[dict[str, Any]]:
    out = []
    for path in sorted(LABELS.glob("*/*.json")):
        label: dict[str, Any] = json.loads(path.read_text("utf-8"))
        if only is None or only in label["file"]:
            out.append(label)
    return out


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _same_text(a: object, b: object) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and key(a) == key(b))


def _similar(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= SIMILAR


def _subject(doc: Document) -> str | None:
    subject = getattr(doc, "subject", None)
    if subject is not None or doc.title is None:
        return subject
    title = doc.title
    typed = split_type_line(title)
    if typed is not None and typed[0] == doc.doc_type and not typed[1]:
        return None  # the title is the type line alone ("PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC")
    if doc.doc_type and key(title).startswith(key(doc.doc_type)):
        title = title[len(doc.doc_type) :].strip()
    return re.sub(r"^(?:V/v|Về việc)\s*:?\s*", "", title, flags=re.IGNORECASE) or None


def _same_subject(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got
    strip = re.compile(r"^(?:v/v|về việc)\s*", re.IGNORECASE)
    return strip.sub("", key(expected)) == strip.sub("", key(got))


def _same_basis(expected: dict[str, Any], got: Any) -> bool:
    if expected.get("doc_number"):
        return bool(got.doc_number) and number_key(expected["doc_number"]) == number_key(
            got.doc_number)
    if got.doc_number:
        return False
    if expected.get("date") and getattr(got, "date", None):
        return _date(expected["date"]) == got.date and key(expected["doc_type"] or "") == key(
            got.doc_type or "")
    name = expected.get("name") or expected.get("doc_type") or ""
    return bool(name) and key(got.raw).startswith(key(name))


IDENTITY_FIELDS = (
    "kind", "doc_type", "doc_number", "issued_date", "issuer", "province", "signer_name",
    "signer_position", "title",
)
LIST_FIELDS = ("legal_basis", "recipients", "addressees")


def score_identity(name: str, label: dict[str, Any], doc: Document | None, error: str | None,
                   tallies: dict[str, Tally | SetTally]) -> None:
    """Add one document's identity fields to the tallies (a failed conversion is wrong on
    every field it should have had)."""
    want = label["identity"]
    expect_error = want.get("expect_error")
    if doc is None:
        ok = expect_error is not None and expect_error == error
        for f in IDENTITY_FIELDS:
            tallies[f].add(name, ok, "record", error)  # type: ignore[call-arg]
        return
    signer = want.get("signer") or {}
    got_signer = doc.signer
    issuer_ok = (want.get("issuer") is None and want.get("issuer_name") is None
                 and doc.issuer is None) or (
        doc.issuer is not None and (
            _same_text(want.get("issuer"), doc.issuer.raw)
            or _same_text(want.get("issuer_name"), doc.issuer.name)
            or _same_text(want.get("issuer_name"), doc.issuer.raw)))
    checks: dict[str, tuple[bool, object, object]] = {
        "kind": (want["kind"] == doc.kind, want["kind"], doc.kind),
        "doc_type": (_same_text(want["doc_type"], doc.doc_type), want["doc_type"], doc.doc_type),
        "doc_number": (
            (want["doc_number"] is None and doc.doc_number is None)
            or (want["doc_number"] is not None and doc.doc_number is not None
                and number_key(want["doc_number"]) == number_key(doc.doc_number)),
            want["doc_number"], doc.doc_number),
        "issued_date": (_date(want["issued_date"]) == doc.issued_date, want["issued_date"],
                        doc.issued_date and doc.issued_date.isoformat()),
        "issuer": (issuer_ok, want.get("issuer_name") or want.get("issuer"),
                   doc.issuer and (doc.issuer.name or doc.issuer.raw)),
        "province": (want["kind"] == "news"  # the article's subject, not an issuer's: unscored
                     or _same_text(want["province"], doc.province and doc.province.name),
                     want["province"], doc.province and doc.province.name),
        "signer_name": (_same_text(signer.get("name"), got_signer and got_signer.name),
                        signer.get("name"), got_signer and got_signer.name),
        "signer_position": (
            _same_text(signer.get("position"), got_signer and got_signer.position),
            signer.get("position"), got_signer and got_signer.position),
        "title": (_same_subject(want["subject"], _subject(doc)), want["subject"], _subject(doc)),
    }
    for f, (ok, expected, got) in checks.items():
        tallies[f].add(name, ok, expected, got)  # type: ignore[call-arg]
    tallies["legal_basis"].add(name, want["legal_basis"], doc.legal_basis,  # type: ignore[call-arg]
                               _same_basis)
    tallies["recipients"].add(name, want["recipients"], doc.recipients,  # type: ignore[call-arg]
                              _similar)
    addressees = [a.raw for a in getattr(doc, "addressees", [])]
    tallies["addressees"].add(name, want.get("addressees", []), addressees,  # type: ignore[call-arg]
                              _similar)


def new_tallies(fields: Iterable[str], list_fields: Iterable[str]) -> dict[str, Tally | SetTally]:
    out: dict[str, Tally | SetTally] = {f: Tally() for f in fields}
    out.update({f: SetTally() for f in list_fields})
    return out
