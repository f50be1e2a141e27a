"""`vnplan.sidecar`: a forked process that answers requests while this one works; one that
fails or dies answers None, and none is left behind. The pipeline's segmenter sidecar gives
the record one process gives."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tests.extract.test_pdf_pages import long_pdf
from tests.robustness.processes import forked_here
from vnplan.pipeline import ConvertOptions, convert
from vnplan.sidecar import Sidecar, sidecar
from vnplan.text import segmenter


def test_requests_are_answered_by_another_process_on_what_the_parent_holds() -> None:
    held = ["Kế hoạch"] * 1000  # made before the fork: the sidecar has it without being sent it

    def serve(word: str) -> tuple[int, int]:
        return os.getpid(), " ".join(held).count(word)

    with sidecar(serve) as car:
        assert car is not None
        assert car.ask("hoạch") and car.answer() == (car.pid, 1000)
        assert car.ask("Kế hoạch") and car.answer() == (car.pid, 1000)
        assert car.ask("ngoại giao") and car.answer() == (car.pid, 0)
    assert car.pid != os.getpid()
    assert car.pid not in forked_here()


def test_it_gets_ready_while_the_parent_works(tmp_path: Path) -> None:
    ready = tmp_path / "ready"

    def prepare() -> None:
        ready.write_text("yes")

    with sidecar(lambda request: ready.read_text() + request, prepare) as car:
        assert car is not None
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ready.exists()  # before any request was sent
        assert car.ask("!") and car.answer() == "yes!"


def test_a_request_that_raises_is_answered_none_and_the_sidecar_stopped() -> None:
    def serve(n: int) -> float:
        return 1 / n

    with sidecar(serve) as car:
        assert car is not None
        assert car.ask(4) and car.answer() == 0.25
        assert car.ask(0) and car.answer() is None
        assert car.pid not in forked_here()
        assert not car.ask(2) and car.answer() is None  # refused: this process does the work


def test_a_sidecar_that_dies_answers_none() -> None:
    def serve(_: object) -> int:
        os.kill(os.getpid(), signal.SIGKILL)
        return 1

    with sidecar(serve) as car:
        assert car is not None
        assert car.ask(None) and car.answer() is None
    assert car.pid not in forked_here()


def test_an_answer_that_does_not_pickle_is_none() -> None:
    with sidecar(lambda _: threading.Lock()) as car:
        assert car is not None
        assert car.ask(None) and car.answer() is None
    assert car.pid not in forked_here()


def test_a_failed_preparation_leaves_the_requests_to_tell() -> None:
    def prepare() -> None:
        raise OSError("model file missing")

    with sidecar(lambda request: f"served {request}", prepare) as car:
        assert car is not None  # it still serves: a request that needs what failed fails
        assert car.ask(1) and car.answer() == "served 1"


def test_a_sidecar_still_working_is_stopped_with_the_block() -> None:
    with sidecar(lambda seconds: time.sleep(seconds)) as car:
        assert car is not None
        assert car.ask(120)
        assert car.pid in forked_here()
    assert car.pid not in forked_here()  # killed and reaped, not waited for


def test_when_the_system_refuses_a_process_there_is_no_sidecar(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:  # what fork does with no process left
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    with sidecar(lambda x: x) as car:
        assert car is None


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every answer a sidecar gives in the test."""
    got: list[object] = []
    answer = Sidecar.answer

    def watched(car: Sidecar[object, object]) -> object:
        got.append(answer(car))
        return got[-1]

    monkeypatch.setattr(Sidecar, "answer", watched)
    return got


def test_a_long_document_with_spare_cores_gives_the_record_one_core_gives(
        tmp_path: Path, answers: list[object]) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(long_pdf(with_scan=False))
    alone = convert(path, ConvertOptions(page_processes=1))
    assert not answers  # one core: no sidecar
    segmenter._word_model.cache_clear()  # as a process that has not loaded the models
    children = forked_here()  # a server other tests started may be one
    spare = convert(path, ConvertOptions(page_processes=2))
    # the texts align scores were segmented by the sidecar while this process normalized
    assert answers and isinstance(answers[0], dict) and len(answers[0]) > 20
    assert all(isinstance(tokens, tuple) for tokens in answers[0].values())
    assert spare == alone
    assert children == forked_here()  # the sidecar was stopped with the conversion


def test_a_process_that_has_the_models_forks_no_sidecar(
        tmp_path: Path, answers: list[object]) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(long_pdf(with_scan=False))
    segmenter.load_models()  # as a batch's worker has them (`vnplan.preload`)
    assert convert(path, ConvertOptions(page_processes=2)).appendices
    assert not answers
