"""Fixtures for the robustness tests: real servers on 127.0.0.1, and hostile inputs built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness import attacks
from tests.robustness.servers import TestServer, serving


@pytest.fixture
def server() -> Iterator[TestServer]:
    with serving() as httpd:
        yield httpd


@pytest.fixture
def other_server() -> Iterator[TestServer]:
    """A second server on another port of the same machine: an "internal" service."""
    with serving() as httpd:
        yield httpd


@pytest.fixture(scope="session")
def docx_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bombs") / "bomb.docx"
    path.write_bytes(attacks.docx_bomb())
    return path
