"""vnplan/store.py: one run at a time in OUT, names any file system takes, the skip check."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from vnplan.pipeline import convert
from vnplan.store import (
    MAX_NAME_BYTES,
    OutUnavailable,
    Store,
    output_names,
    printable,
    record_json,
)


def test_a_second_holder_of_out_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    with Store(tmp_path / "out"):
        with pytest.raises(OutUnavailable) as refused, Store(tmp_path / "out"):
            pass
        assert f"process {os.getpid()}" in str(refused.value)
    with Store(tmp_path / "out") as again:
        assert again.lock_fd is not None


def test_names_never_hidden_never_too_long_always_text() -> None:
    long_stem = "Kế hoạch số 122 " * 30
    raw = os.fsdecode(b"/in/k\xe9.txt")  # not UTF-8: Python keeps the byte as a surrogate
    names = output_names([".hidden.txt", f"/in/{long_stem}.pdf", raw, "/in/.txt"])
    assert names[".hidden.txt"] == "hidden.json"
    assert names["/in/.txt"] == "txt.json"
    assert len(names[f"/in/{long_stem}.pdf"].encode()) <= MAX_NAME_BYTES + len(".json")
    assert names[raw] == "k\ufffd.json"
    assert printable(raw) == "/in/k\\xe9.txt"
    assert all(not n.startswith(".") for n in names.values())


def test_done_means_same_bytes_same_version_same_uri(tmp_path: Path) -> None:
    seed = SAMPLES / "lang-son-227-kh-ubnd-2021.txt"
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    with Store(tmp_path) as store:
        assert not store.is_done("plan.json", digest)
        store.write_record("plan.json", record_json(convert(seed, uri="http://a.vn/x.txt")))
        assert store.is_done("plan.json", digest)
        assert store.is_done("plan.json", digest, uri="http://a.vn/x.txt")
        assert not store.is_done("plan.json", digest, uri="http://a.vn/y.txt")
        assert not store.is_done("plan.json", "0" * 64)
        with pytest.raises(OSError):
            store.write_record("../escape.json", "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "plan.json"]
