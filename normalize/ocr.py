"""OCR repairs licensed by evidence: a gazetteer name, or a damaged phrase with one reading.

Two sources of repairs, each reported as ``Warning(code="ocr_repaired", message="Giای → Giáy")``:

* ``data/ocr_repairs.json``: confusions seen in real scans, each with the phrase it must sit in
  and its evidence. ``gazetteer:heritage:<id>`` / ``gazetteer:partner:<name>`` repairs are kept
  only if, once made, the sentence names that designation or partner exactly. ``lexical`` ones
  ("phô biến", "Cản kết") are phrases that are not Vietnamese and have a single reading; no
  gazetteer name backs them, so they are only made on request (``lexical=True``).
* damaged designation names found by ``heritage_spans`` (OCR spellings and fuzzy quoted titles):
  each word that differs from the gazetteer spelling by a small edit is replaced.

A body of the header (the issuer, its parent) as OCR read it in capitals, whose marks it
confuses ("ĐIÊU TRA", "VE MA", "HẠ TẢNG"), is repaired by the document's own text where that
prints the same name, the same letters with their marks ("Cục Cảnh sát điều tra tội phạm về
ma tuý"): ``printed_name``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from vnplan.extract.readers.pdf_glyphs import syllables
from vnplan.schema import Warning
from vnplan.text.fold import bare_letters, fold_syllable
from vnplan.text.ocr_tones import (
    MAX_MARKS_CAPITALS,
    mark_distance,
    repair_lone_syllables,
    repair_tone_confusions,
)

from .gazetteer import Gazetteer
from .heritage import heritage_spans
from .matcher import sentence_bounds
from .partners import partner_spans
from .text import fold_token, tokenize

MAX_WORD_EDITS = 2
MIN_NAME_SYLLABLES = 3  # a name this long printed with the same letters is the same name
Edit = tuple[int, int, str]
_SYLLABLE = re.compile(r"[^\W\d_]+")
_COMPANY = ("cong", "ty")


def _case_forms(context: str, wrong: str, right: str) -> Iterator[tuple[str, str, str]]:
    seen: set[str] = set()
    for first in (context[:1], context[:1].upper(), context[:1].lower()):
        ctx = first + context[1:]
        if ctx in seen:
            continue
        seen.add(ctx)
        if context.startswith(wrong):
            yield (
                ctx,
                first + wrong[1:],
                ((first.isupper() and right[:1].upper()) or right[:1].lower()) + right[1:],
            )
        else:
            yield ctx, wrong, right


def _evidence_holds(gaz: Gazetteer, text: str, start: int, end: int, evidence: str) -> bool:
    if evidence == "lexical":
        return True
    _, kind, name = evidence.split(":", 2)
    left, right = sentence_bounds(text, start, end)
    sentence = text[left:right]
    s, e = start - left, end - left
    if kind == "heritage":
        return any(
            h.heritage_id == name and h.source == "variant" and h.start <= s and e <= h.end
            for h in heritage_spans(gaz, sentence)
        )
    if kind == "partner":
        return any(
            p.name == name and p.source != "ocr" and p.start <= s and e <= p.end
            for p in partner_spans(gaz, sentence)
        )
    return False


def _apply(text: str, edits: list[Edit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _listed_repairs(gaz: Gazetteer, text: str, lexical: bool) -> tuple[str, list[Warning]]:
    warnings: list[Warning] = []
    folded = text.casefold()
    for repair in gaz.ocr_repairs:
        if repair["evidence"] == "lexical" and not lexical:
            continue
        if repair["wrong"].casefold() not in folded:
            continue  # most texts hold none of the damaged spellings: skip the search
        for ctx, wrong, right in _case_forms(repair["context"], repair["wrong"], repair["right"]):
            offset = ctx.find(wrong)
            pattern = re.compile(rf"(?<!\w){re.escape(ctx)}(?!\w)")
            for m in reversed(list(pattern.finditer(text))):
                start = m.start() + offset
                candidate = text[:start] + right + text[start + len(wrong) :]
                if _evidence_holds(gaz, candidate, start, start + len(right), repair["evidence"]):
                    text = candidate
                    warnings.append(Warning(code="ocr_repaired", message=f"{wrong} → {right}"))
    return text, warnings


def _word_repairs(gaz: Gazetteer, text: str, ocr: bool) -> tuple[str, list[Warning]]:
    edits: list[Edit] = []
    warnings: list[Warning] = []
    for span in heritage_spans(gaz, text, quoted=ocr):
        if span.source not in ("ocr", "fuzzy"):
            continue
        from rapidfuzz.distance import Levenshtein  # with the first damaged title

        written = tokenize(span.raw)
        wanted = tokenize(span.spelling)
        if len(written) != len(wanted):
            continue
        for old, new in zip(written, wanted, strict=True):
            if old.key == new.key or fold_token(old.text) == fold_token(new.text):
                continue
            if Levenshtein.distance(old.key, new.key) > MAX_WORD_EDITS:
                continue
            replacement = new.text
            if old.text[:1].isupper() != replacement[:1].isupper():
                replacement = (
                    replacement[:1].upper() if old.text[:1].isupper() else replacement[:1].lower()
                ) + replacement[1:]
            edits.append((span.start + old.start, span.start + old.end, replacement))
            warnings.append(Warning(code="ocr_repaired", message=f"{old.text} → {replacement}"))
    return _apply(text, edits), warnings


def repair_text(gaz: Gazetteer, text: str, ocr: bool = False,
                seen: Mapping[str, int] | None = None,
                runs: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, list[Warning]]:
    """``text`` with the OCR repairs a gazetteer name licenses — only where a damaged spelling
    the gazetteer lists is found —, and one warning per repair. ``ocr=True`` (text that came
    from OCR) also makes the repairs meant for OCR'd text alone: listed ones that rest on the
    phrase alone ("phô biến"), quoted titles close to a designation, and the
    dictionary-evidenced tone-mark repairs ("Thế thao"), and — given what the document
    prints (`seen`: `syllable_counts`) — a word it prints read with other marks ("thị hành"
    → "thi hành") and a syllable that is none given the tone the document prints it with
    ("buối" → "buổi") (`runs`: `printed_runs(seen)`, made once for the document)."""
    text, listed = _listed_repairs(gaz, text, ocr)
    text, words = _word_repairs(gaz, text, ocr)
    tones: list[Warning] = []
    lone: list[Warning] = []
    if ocr:
        text, tones = repair_tone_confusions(text, printed=seen, runs=runs)
        if seen is not None:
            text, lone = repair_lone_syllables(text, syllables(), seen)
    return text, listed + words + tones + lone


def printed_name(gaz: Gazetteer, name: str, texts: Iterable[str]) -> tuple[str, list[Warning]]:
    """``name`` (a body of the header as OCR read it) with the marks of its syllables as the
    document's `texts` print the same name most often — the same letters, each syllable at
    most ``MAX_MARKS_CAPITALS`` marks away, a company's legal form after "Công ty" written out
    (``company_forms``: "CP" for "cổ phần") —, and one warning if that changed it."""
    found = list(_SYLLABLE.finditer(name))
    letters: list[str] = []  # the name's syllables, bare, the legal form written out
    own: list[int | None] = []  # for each, the syllable of `name` it is (None: written out)
    for k, m in enumerate(found):
        form = gaz.agency_rules.company_forms.get(m.group().upper())
        if form and tuple(bare_letters(f.group()) for f in found[max(k - 2, 0) : k]) == _COMPANY:
            letters += [bare_letters(w) for w in form.split()]
            own += [None] * len(form.split())
        else:
            letters.append(bare_letters(m.group()))
            own.append(k)
    if len(letters) < MIN_NAME_SYLLABLES:
        return name, []
    readings = Counter(r for text in texts for r in _same_letters(text, letters))
    ranked = readings.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return name, []
    edits: list[Edit] = []
    for at, printed in zip(own, ranked[0][0], strict=True):
        if at is None:
            continue
        read = found[at].group()
        if fold_syllable(read.lower()) == fold_syllable(printed):
            continue
        distance = mark_distance(read, printed)
        if distance is None or distance > MAX_MARKS_CAPITALS:
            return name, []
        new = printed.upper() if read.isupper() else printed
        edits.append((found[at].start(), found[at].end(), new))
    if not edits:
        return name, []
    fixed = _apply(name, edits)
    return fixed, [Warning(code="ocr_repaired",
                           message=f"{name} → {fixed} (as the document's text prints it)")]


def _same_letters(text: str, letters: list[str]) -> Iterator[tuple[str, ...]]:
    """The runs of `text` (syllables one space apart) spelling `letters`, lower case."""
    found = list(_SYLLABLE.finditer(text))
    n = len(letters)
    for i in range(len(found) - n + 1):
        run = found[i : i + n]
        if all(bare_letters(m.group()) == w for m, w in zip(run, letters, strict=True)) and all(
                text[a.end() : b.start()] == " " for a, b in itertools.pairwise(run)):
            yield tuple(m.group().lower() for m in run)
