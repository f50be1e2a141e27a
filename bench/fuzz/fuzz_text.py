"""Coverage-guided fuzzing of the text extractor with atheris, for a bounded time.

    pip install atheris
    python bench/fuzz/fuzz_text.py -max_total_time=60            # stop after 60 s
    python bench/fuzz/fuzz_text.py -max_total_time=60 corpus/    # keep the corpus it grows

Any exception other than a clear `ConversionError` is a bug: atheris stops and writes the
input that raised it (crash-*) into the working folder. Seeds are the text samples.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from vnplan.extract.document import ConversionError, extract_document
    from vnplan.extract.readers.txt import decode_text, read_text_layout
    from vnplan.schema import Source

SOURCE = Source(uri="fuzz", format="txt", sha256="0" * 64)


def one_input(data: bytes) -> None:
    text, _ = decode_text(data)
    with contextlib.suppress(ConversionError):
        extract_document(read_text_layout(text), SOURCE)


def main() -> None:
    args = list(sys.argv)
    if not any(a.startswith("-max_total_time") for a in args[1:]):
        args.append("-max_total_time=30")
    seeds = Path(__file__).resolve().parents[2] / "samples"
    if not any(not a.startswith("-") for a in args[1:]):
        corpus = Path("fuzz-corpus")
        corpus.mkdir(exist_ok=True)
        for sample in seeds.glob("*.txt"):
            (corpus / sample.name).write_bytes(sample.read_bytes()[:4096])
        args.append(str(corpus))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
