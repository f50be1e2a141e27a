"""normalize stage: names → entities.

Gazetteers (agencies, UNESCO designations, provinces, foreign partners and places) live
in ``data/*.json``, read into one ``Gazetteer`` value (``default_gazetteer()``, loaded once;
every public function takes another one as ``gazetteer=``). Text is matched on word keys
(``fold``) so spelling variants, old and new tone-mark placement and punctuation differences
meet; every repair made to a document is a ``Warning`` and every name keeps its text as
written in ``raw``.
"""

from __future__ import annotations

from vnplan.text.legacy import convert_legacy, detect_legacy_encoding

from .agencies import resolve_agency
from .document import normalize_document, unmatched_agencies
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .heritage import find_heritage
from .mentions import find_agencies
from .partners import find_partners
from .provinces import resolve_province
from .splitting import split_agency_list
from .text import fix_text, fold

__all__ = [
    "Gazetteer",
    "convert_legacy",
    "default_gazetteer",
    "detect_legacy_encoding",
    "find_agencies",
    "find_heritage",
    "find_partners",
    "fix_text",
    "fold",
    "load_gazetteer",
    "normalize_document",
    "resolve_agency",
    "resolve_province",
    "split_agency_list",
    "unmatched_agencies",
]
