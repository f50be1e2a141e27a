"""The attack set: hostile files, lying and slow servers, runs that are killed or collide, each
run through the real `vnplan` command (fresh processes, real servers on 127.0.0.1), and what it
became. Prints the table the README's robustness section shows.

    python bench/attacks.py            # about two minutes on two cores

An outcome is a record, an error code from OUT/errors.jsonl, or, for the attacks on the run
itself, what was left behind; "as promised" compares it with what the README says.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness import attacks  # noqa: E402
from tests.robustness.corpus import EXPECTED as BAD_EXPECTED  # noqa: E402
from tests.robustness.corpus import build as build_bad_corpus  # noqa: E402
from tests.robustness.processes import descendants, wait_until_gone  # noqa: E402
from tests.robustness.servers import Handler, TestServer, serving  # noqa: E402

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NEWS = (attacks.SAMPLES / "web" / "can-tho-news-2024.html").read_bytes()
SECRET = "root:$6$hashed-password"
FUZZED = 60


@dataclass(frozen=True)
class Row:
    attack: str
    outcome: str
    promised: set[str]

    @property
    def kept(self) -> bool:
        return self.outcome in self.promised or any(p.endswith("*") and self.outcome.startswith(
            p[:-1]) for p in self.promised)


def vnplan(*args: str, **popen: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vnplan", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False, **popen)


def outcomes(out: Path) -> dict[str, str]:
    """Input → "record" or its error code."""
    found: dict[str, str] = {}
    for path in out.glob("*.json"):
        found[json.loads(path.read_text("utf-8"))["source"]["uri"]] = "record"
    errors = out / "errors.jsonl"
    for line in errors.read_text("utf-8").splitlines() if errors.exists() else []:
        error = json.loads(line)
        found[error["input"]] = error["code"]
    return found


def by_name(found: dict[str, str]) -> dict[str, str]:
    return {Path(k).name if "://" not in k else k: v for k, v in found.items()}


def file_attacks(tmp: Path) -> list[Row]:
    folder = tmp / "files"
    folder.mkdir()
    secret = tmp / "shadow"
    secret.write_text(SECRET, "utf-8")
    built: dict[str, tuple[str, bytes, set[str]]] = {
        "PDF bomb (1 KB → 160 MB of page content)": ("bomb.pdf", attacks.pdf_bomb(),
                                                      {"out_of_memory"}),
        "page of 200 × 200 inches, one image (a 60 000-pixel scan)": (
            "heavy.pdf", attacks.heavy_page_pdf(), {"out_of_memory"}),
        "page tree that contains itself": ("loop.pdf", attacks.page_tree_loop_pdf(),
                                           {"empty", "corrupt_pdf"}),
        "DOCX bomb (400 KB → 120 MB of XML)": ("bomb.docx", attacks.docx_bomb(),
                                               {"out_of_memory"}),
        "DOCX with an external entity (XXE) naming a secret": (
            "xxe.docx", attacks.xxe_docx(secret), {"record", "corrupt_docx"}),
        "DOCX with ../ and absolute part names (zip-slip)": (
            "slip.docx", attacks.zip_slip_docx(), {"record"}),
        '1 MB of "1.1.1." without a space': ("runs.txt", attacks.no_space_run(), {"record"}),
        '1 MB of "1. 1. 1."': ("spaced.txt", attacks.spaced_numbers(), {"record"}),
        "3 MB news page": ("big.html", attacks.big_html(), {"record"}),
        "17 MB text, --memory-mb 512": ("huge.txt", _repeated(attacks.LANG_SON_TXT, 17 * 2**20),
                                        {"too_large"}),
        "dot-prefixed file name": (".hidden.txt", attacks.LANG_SON_TXT.read_bytes(), {"record"}),
        "251-byte file name": ("Kế hoạch " * 19 + ".txt", attacks.LANG_SON_TXT.read_bytes(),
                               {"record"}),
    }
    for name, data, _ in built.values():
        (folder / name).write_bytes(data)
    odd = os.path.join(os.fsencode(folder), b"k\xe9 ho\xb9ch.txt")
    shutil.copyfile(attacks.LANG_SON_TXT, odd)
    (folder / "shadow.txt").symlink_to(secret)
    out = tmp / "files-out"
    started = time.monotonic()
    run = vnplan("convert", str(folder), "-o", str(out), "--memory-mb", "512",
                 "--doc-timeout", "60", "--workers", "2")
    took = time.monotonic() - started
    found = by_name(outcomes(out))
    rows = [Row(attack, found.get(name, "LOST"), promised)
            for attack, (name, _, promised) in built.items()]
    rows.append(Row("file name that is not UTF-8", found.get("k\\xe9 ho\\xb9ch.txt", "LOST"),
                    {"record"}))
    rows.append(Row("symlink to a secret outside the folder", found.get("shadow.txt", "LOST"),
                    {"symlink_outside"}))
    leaked = any(SECRET in p.read_text("utf-8", "replace") for p in out.glob("*.json"))
    outside = [p for p in tmp.rglob("*escaped*")] + list(Path("/tmp").glob("absolute.txt"))
    rows.append(Row("… the secret in any record, a file outside OUT",
                    "found" if leaked or outside else "none", {"none"}))
    rows.append(Row(f"the {len(built) + 2} files above in one batch",
                    f"{took:.0f} s, {'traceback' if 'Traceback' in run.stderr else 'no traceback'}",
                    {"*"}))
    return rows


def corpus_and_fuzz(tmp: Path) -> list[Row]:
    corpus = build_bad_corpus(tmp / "bad")
    rng = random.Random(14)
    seeds = [attacks.LAO_CAI_PDF, attacks.LANG_SON_DOCX, attacks.LANG_SON_TXT,
             attacks.SAMPLES / "web" / "can-tho-news-2024.html"]
    fuzz = tmp / "fuzz"
    fuzz.mkdir()
    for i in range(FUZZED):
        seed = seeds[i % len(seeds)]
        data = bytearray(seed.read_bytes())
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        (fuzz / f"fuzz-{i:02d}{seed.suffix}").write_bytes(bytes(data))
    out = tmp / "bad-out"
    vnplan("convert", str(corpus), "-o", str(out), "--workers", "2")
    found = by_name(outcomes(out))
    listed = sum(1 for name, allowed in BAD_EXPECTED.items() if found.get(name) in allowed)
    rows = [Row(f"the bad-input corpus ({len(BAD_EXPECTED)} files, the table above)",
                f"{listed} as listed, {len(BAD_EXPECTED) - len(found)} lost",
                {f"{len(BAD_EXPECTED)} as listed, 0 lost"})]
    out = tmp / "fuzz-out"
    run = vnplan("convert", str(fuzz), "-o", str(out), "--workers", "2", "--doc-timeout", "60")
    found = outcomes(out)
    lost = FUZZED - len(found)
    records = sum(1 for v in found.values() if v == "record")
    rows.append(Row(f"{FUZZED} fuzzed samples (bytes changed, cut short)",
                    f"{records} records, {len(found) - records} errors, {lost} lost"
                    + (", traceback" if "Traceback" in run.stderr else ""),
                    {f"{records} records, {len(found) - records} errors, 0 lost"}))
    return rows


def server_attacks(tmp: Path) -> list[Row]:
    rows: list[Row] = []
    with serving() as server, serving() as internal:
        internal.static("/admin", b"<html><body><article><p>" + SECRET.encode() * 50
                        + b"</p></article></body></html>")
        admin = internal.url("/admin")
        release = threading.Event()

        def stall(req: Handler, _n: int) -> None:
            req.send_response(200)
            req.send_header("Content-Type", "text/html")
            req.send_header("Content-Length", "100000")
            req.end_headers()
            release.wait(60)

        links = "".join(f'<a href="/files/{i}.pdf">Tệp {i}</a>' for i in range(500))
        routes: dict[str, tuple[str, Callable[[Handler, int], None], set[str]]] = {
            "PDF bomb by URL": ("/bomb.pdf", _static(attacks.pdf_bomb(), PDF), {"out_of_memory"}),
            "heavy page by URL": ("/heavy.pdf", _static(attacks.heavy_page_pdf(), PDF),
                                  {"out_of_memory"}),
            "DOCX bomb by URL": ("/bomb.docx", _static(attacks.docx_bomb(), DOCX),
                                 {"out_of_memory"}),
            "scanned PDF by URL (15 pages to OCR), --doc-timeout 15": ("/scan.pdf", _static(
                attacks.SCAN_PDF.read_bytes(), PDF), {"timeout"}),
            "server stalls after the headers": ("/stall.html", stall, {"timeout", "deadline"}),
            "302 to another local port": ("/r1", _redirect(admin), {"private_address"}),
            "301 to 169.254.169.254 (cloud metadata)": (
                "/r2", _redirect("http://169.254.169.254/latest/meta-data/"), {"private_address"}),
            "redirect loop": ("/loop", _redirect("/loop"), {"too_many_redirects"}),
            "Content-Length of 60 MB": ("/huge", _declared(60 * 2**20), {"too_large"}),
            "charset=punycode": ("/puny.html", _static(NEWS, "text/html; charset=punycode"),
                                 {"record"}),
            "charset=undefined": ("/undef.html", _static(NEWS, "text/html; charset=undefined"),
                                  {"record"}),
            "page with 500 attachment links": ("/many.html", _static(NEWS.replace(
                b"</article>", links.encode() + b"</article>")), {"record"}),
            "page linking an attachment on another local port": ("/leak.html", _static(
                NEWS.replace(b"</article>", f'<a href="{admin}.pdf">Tải về</a></article>'
                             .encode())), {"record"}),
        }
        for path, handler, _ in routes.values():
            server.route(path, handler)
        for i in range(500):
            server.route(f"/files/{i}.pdf", _static(b"%PDF-1.4 tiny", PDF))
        urls = [server.url(path) for path, _, _ in routes.values()]
        out = tmp / "url-out"
        run = vnplan("convert", *urls, "-o", str(out), "--memory-mb", "512", "--doc-timeout",
                     "15", "--timeout", "2", "--delay", "0", "--workers", "2")
        release.set()
        found = outcomes(out)
        for (attack, (_path, _, promised)), url in zip(routes.items(), urls, strict=True):
            rows.append(Row(attack, found.get(url, "LOST"), promised))
        followed = {h.path for h in server.hits if h.path.startswith("/files/")}
        rows.append(Row("… attachments fetched of the 500", str(len(followed)), {"20"}))
        rows.append(Row("… the internal page's text in OUT", "found" if any(
            SECRET in p.read_text("utf-8", "replace") for p in out.glob("*.json")) else "none",
            {"none"}))
        rows.append(Row("… the attachment on another port", found.get(f"{admin}.pdf", "LOST"),
                        {"private_address"}))
        rows.append(Row("… a traceback", "yes" if "Traceback" in run.stderr else "no", {"no"}))
        rows.append(_robots_trickle(server))
    return rows


def _repeated(path: Path, size: int) -> bytes:
    data = path.read_bytes()
    return data * (size // len(data) + 1)


def _static(body: bytes, content_type: str = "text/html; charset=utf-8") -> Any:
    return lambda req, _n: req.reply(200, body, content_type)


def _redirect(location: str) -> Any:
    return lambda req, _n: req.reply(302, headers={"Location": location})


def _declared(size: int) -> Any:
    def handler(req: Handler, _n: int) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/pdf")
        req.send_header("Content-Length", str(size))
        req.end_headers()
    return handler


def _robots_trickle(server: TestServer) -> Row:
    """robots.txt one byte every 0.2 s (the fetcher's own settings, a 3 s deadline)."""
    from vnplan.fetch import Fetcher, FetchError, FetchSettings

    trickle = server.url("/").replace("127.0.0.1", "localhost")  # a new origin: its own robots
    server.route("/robots.txt", lambda req, _n: req.reply_chunked(
        b"#" for _ in range(100) if not server.stop.wait(0.2)))
    started = time.monotonic()
    try:
        with Fetcher(FetchSettings(deadline=3, per_host_delay=0)) as fetcher:
            fetcher.fetch(trickle + "puny.html")
        code = "fetched"
    except FetchError as exc:
        code = exc.code
    return Row("robots.txt trickling 1 byte / 0.2 s (3 s deadline)",
               f"{code} after {time.monotonic() - started:.1f} s", {"deadline after 3*"})


def run_attacks(tmp: Path) -> list[Row]:
    rows = []
    # kill -9 of the parent while tesseract reads a page
    run = subprocess.Popen([sys.executable, "-m", "vnplan", "convert", str(attacks.SCAN_PDF),
                            "-o", str(tmp / "killed"), "--workers", "1"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
    seen: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(_comm(p) == "tesseract" for p in seen):
        seen |= descendants(run.pid)
        time.sleep(0.05)
    seen |= descendants(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    left = wait_until_gone(seen, 5)
    rows.append(Row(f"kill -9 of the parent during OCR ({len(seen)} workers and children)",
                    f"{len(left)} left after 5 s", {"0 left after 5 s"}))
    # a second run on the same OUT while the first is busy
    first = subprocess.Popen([sys.executable, "-m", "vnplan", "convert", str(attacks.SCAN_PDF),
                              "-o", str(tmp / "shared"), "--workers", "1"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not (tmp / "shared" / ".lock").exists():
        time.sleep(0.05)
    time.sleep(0.5)
    second = vnplan("convert", str(attacks.LANG_SON_TXT), "-o", str(tmp / "shared"))
    first.wait(timeout=300)
    rows.append(Row("two runs on one OUT", f"second exits {second.returncode}; first "
                    f"{'complete' if first.returncode == 0 else 'broken'}",
                    {"second exits 3; first complete"}))
    # a full disk: writes past 16 KiB fail
    folder = tmp / "disk"
    folder.mkdir()
    shutil.copy(attacks.LANG_SON_TXT, folder / "plan.txt")

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    full = vnplan("convert", str(folder), "-o", str(tmp / "full"), preexec_fn=small_disk)
    found = outcomes(tmp / "full")
    rows.append(Row("disk full (writes over 16 KiB refused)",
                    f"{found.get(str(folder / 'plan.txt'), 'LOST')}"
                    + (", traceback" if "Traceback" in full.stderr else ""), {"write_failed"}))
    (tmp / "afile").write_text("x", "utf-8")
    blocked = vnplan("convert", str(attacks.LANG_SON_TXT), "-o", str(tmp / "afile"))
    rows.append(Row("OUT is a file", f"exit {blocked.returncode}"
                    + (", traceback" if "Traceback" in blocked.stderr else ""), {"exit 3"}))
    return rows


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        rows = [*file_attacks(Path(tmp)), *server_attacks(Path(tmp)),
                *run_attacks(Path(tmp)), *corpus_and_fuzz(Path(tmp))]
    print("| attack | outcome | as promised |\n|---|---|:-:|")
    for row in rows:
        print(f"| {row.attack} | {row.outcome} | {'yes' if row.kept else '**no**'} |")
    broken = [row for row in rows if not row.kept]
    print(f"\n{len(rows)} attacks, {len(broken)} outcomes not as promised")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
