"""What importing vnplan loads: `import vnplan` nothing but its version, the command line none
of the libraries that only some documents need (each is loaded by the reader or stage that
uses it)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

CHILD = """
import json, sys
import {module}
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}})))
"""
BY_DOCUMENT = {"httpx", "underthesea", "underthesea_core", "pdfplumber", "pdfminer", "pypdfium2",
               "trafilatura", "lxml", "docx", "numpy", "PIL", "rapidfuzz", "ahocorasick"}


def _loaded(module: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", CHILD.format(module=module)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_import_vnplan_loads_no_library() -> None:
    assert _loaded("vnplan") & (BY_DOCUMENT | {"pydantic", "rich", "typer"}) == set()


def test_the_command_line_loads_no_library_a_document_may_not_need() -> None:
    loaded = _loaded("vnplan.cli")
    assert {"typer", "pydantic"} <= loaded
    assert loaded & BY_DOCUMENT == set()


def _modules(module: str) -> set[str]:
    """Every module importing `module` loads, by its full name."""
    child = CHILD.format(module=module).replace(
        "m.split(\".\")[0] for m in sys.modules", "m for m in sys.modules")
    done = subprocess.run([sys.executable, "-c", child], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_progress_bar_loads_with_the_first_bar() -> None:
    loaded = _modules("vnplan.cli")
    assert {"rich.console", "rich.table"} <= loaded  # the run's summary
    assert "rich.progress" not in loaded  # a log or a pipe shows no bar


def test_the_watch_command_loads_its_modules_when_it_runs() -> None:
    loaded = _modules("vnplan.cli")
    assert {m for m in loaded if m.startswith("vnplan.watch")} == {"vnplan.watch",
                                                                   "vnplan.watch.cli"}


def test_the_news_and_table_readers_load_with_the_first_news_page_and_table() -> None:
    child = ("import json, sys, vnplan; vnplan.convert(sys.argv[1]); print(json.dumps("
             "[m in sys.modules for m in ('vnplan.extract.news', 'vnplan.extract.tables')]))")
    loaded = {}
    for path in ("samples/lang-son-227-kh-ubnd-2021.txt", "samples/web/lao-cai-news-2023.html",
                 "samples/lao-cai-122-kh-ubnd-2022.docx"):
        done = subprocess.run([sys.executable, "-c", child, path], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        loaded[path] = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"samples/lang-son-227-kh-ubnd-2021.txt": [False, False],
                      "samples/web/lao-cai-news-2023.html": [True, False],
                      "samples/lao-cai-122-kh-ubnd-2022.docx": [False, True]}


def test_rapidfuzz_loads_with_the_first_name_no_exact_key_matches() -> None:
    child = ("import sys, vnplan; vnplan.convert(sys.argv[1]); "
             "print('rapidfuzz' in sys.modules)")
    loaded = {}
    # the Lạng Sơn plan's names are all in the gazetteer; the Lào Cai plan quotes UNESCO
    # titles misspelt ("Nghị lễ và trò chơi kéo co …"), compared with the heritage spellings
    for path in ("samples/lang-son-227-kh-ubnd-2021.txt", "samples/lao-cai-122-kh-ubnd-2022.txt"):
        done = subprocess.run([sys.executable, "-c", child, path], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        loaded[path] = done.stdout.strip().splitlines()[-1]
    assert loaded == {"samples/lang-son-227-kh-ubnd-2021.txt": "False",
                      "samples/lao-cai-122-kh-ubnd-2022.txt": "True"}
