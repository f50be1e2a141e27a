"""One worker vs two: wall time of `vnplan convert` on 200 distinct documents made from the samples.

    python bench/parallel.py                 # 200 mixed documents (pdf, docx, txt, html)
    python bench/parallel.py --documents 50 --repeat 1

The corpus cycles through the born-digital samples of every format until it holds
``--documents`` files, and no two of them have the same text: each is the sample as another
province would issue it — the sample's province replaced by one of the 57 others (in every
form: "Lào Cai", "LÀO CAI", "UBND tỉnh Lào Cai"), and a few verbs by their synonyms ("triển
khai" → "thực hiện", "tăng cường" → "đẩy mạnh", "nâng cao" → "tăng cường"), a different choice
for each copy. A text file or web page is edited as text (in its own encoding), a Word file in
its XML, and a PDF is the edited Word file printed by LibreOffice, as the sample PDFs were made
(``samples/make_samples.py``). Copies of one file would let every per-text cache of a worker
(the word segmenter's, the folding's) hit on each copy after the first: one worker would see
each text once, two workers each once, and the bench would measure the caches, not the runner.

Each run converts the corpus into a fresh output folder in a fresh process (the whole command,
start-up included); the runs of 1 and 2 workers alternate ``--repeat`` times and the fastest of
each counts. The table gives seconds, documents per second, the speed-up over 1 worker and the
CPU seconds of the run (the parent and its workers): equal CPU seconds show the runner did not
add work. Between the runs the machine's own scaling is measured the same way: a CPU-bound
Python loop in one process, then in two at once (the ceiling of the speed-up; on a machine
shared with other work, two workers cannot take both cores).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "samples"
SAMPLES = [
    "lao-cai-122-kh-ubnd-2022.pdf",
    "lao-cai-122-kh-ubnd-2022.docx",
    "lao-cai-122-kh-ubnd-2022.txt",
    "lang-son-227-kh-ubnd-2021.pdf",
    "lang-son-227-kh-ubnd-2021.docx",
    "web/lang-son-227-kh-ubnd-2021.html",
    "web/can-tho-news-2024.html",
    "web/hue-portal-173-kh-ubnd-2022.html",
    "thua-thien-hue-news-173-kh-ubnd-2022.txt",
]
# the province each sample names, by the start of its file name; the one text not in UTF-8
PROVINCE_OF = {"lao-cai": "Lào Cai", "lang-son": "Lạng Sơn", "can-tho": "Cần Thơ",
               "hue-portal": "Thừa Thiên Huế", "thua-thien-hue": "Thừa Thiên Huế"}
ENCODING_OF = {"web/hue-portal-173-kh-ubnd-2022.html": "windows-1258"}
SYNONYMS = [("triển khai", "thực hiện"), ("tăng cường", "đẩy mạnh"), ("nâng cao", "tăng cường")]
LOOP = "s = 0\nfor i in range(12_000_000): s += i * i % 7"  # the ceiling's CPU-bound loop


def provinces() -> list[str]:
    data = json.loads((ROOT / "normalize" / "data" / "provinces.json").read_text("utf-8"))
    return [p["name"] for p in data["provinces"] if p["type"] == "tỉnh"]


def substitutions(document: int, province: str, others: list[str]) -> dict[str, str]:
    """What copy number `document` of a sample naming `province` writes instead."""
    other = others[document % len(others)]
    pairs = [(province, other)] if other != province else []
    chosen = document // len(SAMPLES)
    pairs += [pair for bit, pair in enumerate(SYNONYMS) if chosen >> bit & 1]
    table: dict[str, str] = {}
    for old, new in pairs:
        table.update({old: new, old[0].upper() + old[1:]: new[0].upper() + new[1:],
                      old.upper(): new.upper()})
    return table


def replacer(table: dict[str, str], encoding: str) -> Callable[[bytes], bytes]:
    """Bytes in `encoding` → the same with every word of `table` replaced (all at once)."""
    spelled = {as_written(old, encoding): as_written(new, encoding) for old, new in table.items()}
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, spelled)) + r")(?!\w)")

    def replace(data: bytes) -> bytes:
        text = data.decode(encoding)
        return pattern.sub(lambda m: spelled[m.group()], text).encode(encoding)

    return replace


def as_written(text: str, encoding: str) -> str:
    """`text` as `encoding` spells it: windows-1258 writes a toned letter as a letter of its
    own ("ê", "ơ", "ă") and a combining tone mark ("ậ" = "â" + U+0323)."""
    return "".join(_letter_as_written(char, encoding) for char in text)


def _letter_as_written(char: str, encoding: str) -> str:
    if _encodes(char, encoding):
        return char
    base, *marks = unicodedata.normalize("NFD", char)
    for i, mark in enumerate(marks):  # the base letter with one of its marks, the others apart
        letter = unicodedata.normalize("NFC", base + mark)
        if len(letter) == 1 and _encodes(letter, encoding):
            return letter + "".join(marks[:i] + marks[i + 1 :])
    return base + "".join(marks)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def edited_docx(data: bytes, replace: Callable[[bytes], bytes]) -> bytes:
    """A Word file with the words replaced in every XML part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, replace(content) if item.filename.endswith(".xml") else content)
    return out.getvalue()


def build_corpus(folder: Path, documents: int) -> int:
    """`documents` distinct files in `folder` (see the module's doc)."""
    others = provinces()
    to_print: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(documents):
            sample = SAMPLES[i % len(SAMPLES)]
            path = SAMPLES_DIR / sample
            name = f"{i:04d}-{path.name}"
            province = next(p for start, p in PROVINCE_OF.items() if path.name.startswith(start))
            table = substitutions(i, province, others)
            replace = replacer(table, ENCODING_OF.get(sample, "utf-8"))
            if path.suffix == ".pdf":  # the edited Word file, printed
                word = Path(tmp, name).with_suffix(".docx")
                word.write_bytes(edited_docx(path.with_suffix(".docx").read_bytes(), replace))
                to_print.append(word)
            elif path.suffix == ".docx":
                (folder / name).write_bytes(edited_docx(path.read_bytes(), replace))
            else:
                (folder / name).write_bytes(replace(path.read_bytes()))
        print_pdfs(to_print, folder, Path(tmp))
    return documents


def print_pdfs(words: list[Path], folder: Path, tmp: Path) -> None:
    if not words:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to print the corpus's PDFs")
    profile = (tmp / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, words)],
                   check=True, capture_output=True, timeout=900)
    missing = [w.name for w in words if not (folder / w.with_suffix(".pdf").name).is_file()]
    if missing:
        sys.exit(f"LibreOffice did not print {', '.join(missing)}")


def timed(command: list[str], processes: int = 1) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, with every child) of `processes` copies of
    `command` started together."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    running = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
               for _ in range(processes)]
    for process in running:
        _, err = process.communicate()
        if process.returncode:
            sys.exit(f"{' '.join(command)} failed:\n{err.decode(errors='replace')}")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def timed_run(corpus: Path, workers: int) -> tuple[float, float]:
    """One whole `vnplan convert CORPUS -o OUT --workers N` process."""
    with tempfile.TemporaryDirectory() as out:
        return timed([sys.executable, "-m", "vnplan", "convert", str(corpus), "-o", out,
                      "--workers", str(workers)])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    loop = [sys.executable, "-c", LOOP]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        count = build_corpus(corpus, args.documents)
        runs = {"1": (float("inf"), 0.0), "2": (float("inf"), 0.0)}
        ceiling = {1: float("inf"), 2: float("inf")}
        load = os.getloadavg()[0]
        for _ in range(args.repeat):
            for name in runs:
                runs[name] = min(runs[name], timed_run(corpus, int(name)))
                ceiling[int(name)] = min(ceiling[int(name)], timed(loop, int(name))[0])
    print(f"`python bench/parallel.py --documents {count}`: {count} distinct documents (pdf, "
          f"docx, txt, html), {os.cpu_count()} CPU cores, load average {load:.1f} → "
          f"{os.getloadavg()[0]:.1f}\n")
    print("| workers | seconds | documents/s | speed-up over 1 worker | CPU seconds |\n"
          "|---|---:|---:|---:|---:|")
    one = runs["1"][0]
    for name, (seconds, cpu) in runs.items():
        print(f"| {name} | {seconds:.1f} | {count / seconds:.1f} | {one / seconds:.2f}× "
              f"| {cpu:.1f} |")
    print(f"\n2 workers / 1 worker: {one / runs['2'][0]:.2f}× (target ≥ 1.8×); the machine: "
          f"two CPU-bound Python processes at once {2 * ceiling[1] / ceiling[2]:.2f}× one "
          f"({ceiling[1]:.2f} s for one loop, {ceiling[2]:.2f} s for two)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
