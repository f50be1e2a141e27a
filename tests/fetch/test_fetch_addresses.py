"""fetch/addresses.py: which addresses a fetch may reach, decided on the address connected to."""

from __future__ import annotations

import dataclasses

import pytest
from fetch_httpd import TestServer

from vnplan.fetch import Fetcher, FetchError, FetchSettings
from vnplan.fetch.addresses import AddressPolicy, is_public

PAGE = b"<html><body><p>Tin</p></body></html>"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("::1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # link-local: the cloud metadata service
        ("fe80::1", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("::ffff:127.0.0.1", False),  # loopback written as IPv6
        ("224.0.0.1", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_the_start_urls_own_server_is_the_one_private_address_allowed() -> None:
    policy = AddressPolicy.for_start("http://127.0.0.1:8000/tin.html", allow_private=False)
    assert policy.allows("127.0.0.1", 8000)
    assert not policy.allows("127.0.0.1", 6379)  # another service on the same machine
    assert not policy.allows("10.0.0.5", 8000)
    assert policy.allows("203.0.113.7", 443) is False  # documentation range: not global
    assert policy.allows("8.8.8.8", 443)
    assert AddressPolicy.for_start("http://localhost:8000/", allow_private=False).allows(
        "127.0.0.1", 8000
    )  # a name is trusted as the addresses it resolves to
    assert AddressPolicy.for_start("https://vnexpress.net/", allow_private=True).allows(
        "127.0.0.1", 6379
    )


def test_a_redirect_to_another_port_is_refused_and_never_connected(
    server: TestServer, settings: FetchSettings
) -> None:
    other = TestServer()  # bound, never served: a connection would hang until the timeout
    try:
        target = f"http://127.0.0.1:{other.server_address[1]}/secret"
        server.route("/go", lambda req, _n: req.reply(302, headers={"Location": target}))
        with Fetcher(settings) as fetcher, pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url("/go"))
        assert caught.value.code == "private_address" and target in str(caught.value)
        allowing = dataclasses.replace(settings, allow_private=True, connect_timeout=0.5,
                                       read_timeout=0.5, retries=0)
        with Fetcher(allowing) as fetcher, pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url("/go"))
        assert caught.value.code != "private_address"  # allowed: it reached the silent server
    finally:
        other.server_close()


def test_an_attachment_is_judged_by_its_pages_start_url(
    server: TestServer, settings: FetchSettings
) -> None:
    server.static("/a.pdf", b"%PDF-1.4\n", "application/pdf")
    with Fetcher(settings) as fetcher:
        assert fetcher.fetch(server.url("/a.pdf"), found_on=server.url("/tin.html")).content
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url("/a.pdf"), found_on="http://127.0.0.1:9/tin.html")
    assert caught.value.code == "private_address"
