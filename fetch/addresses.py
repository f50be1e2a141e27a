"""Which servers a fetch may connect to: the guard against server-side request forgery.

A page on the web must not make vnplan read a server the user did not point it at and the web
cannot reach: a redirect or an attachment link to 127.0.0.1:6379, 169.254.169.254 or
10.0.0.5. Public addresses are always allowed. A loopback, link-local or private address is
allowed only when it is the start URL's own server (the same address and port: a user who
converts http://127.0.0.1:8000/ means that server, not the others on the machine), or when the
settings allow private addresses outright.

The check is made where the connection is opened, on the address actually connected to, at
every hop (redirects, robots.txt, attachments), so a name that resolves differently the second
time cannot slip past it; the fetcher keeps no connection open from one request to the next.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, link-local, private,
    shared, reserved or multicast).

    >>> is_public("8.8.8.8"), is_public("127.0.0.1"), is_public("::ffff:10.0.0.1")
    (True, False, False)
    """
    ip: IPAddress = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve_host(host: str, port: int) -> list[str]:
    """The IP addresses a host name stands for, in the resolver's order (an IP stays itself)."""
    name = host.strip("[]")
    try:
        return [str(ipaddress.ip_address(name))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses, plus the private `trusted` (address, port) pairs, plus any private
    address when `allow_private`."""

    allow_private: bool = False
    trusted: frozenset[tuple[str, int]] = frozenset()

    def allows(self, address: str, port: int) -> bool:
        return self.allow_private or is_public(address) or (address, port) in self.trusted

    @classmethod
    def for_start(cls, url: str, *, allow_private: bool) -> AddressPolicy:
        """The policy of a fetch that starts at `url`: its own server is trusted."""
        if allow_private:
            return cls(allow_private=True)
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 80)
        try:
            addresses = resolve_host(parts.hostname or "", port)
        except httpcore.ConnectError:
            addresses = []  # the fetch itself will report the name that does not resolve
        return cls(trusted=frozenset((a, port) for a in addresses if not is_public(a)))


class AddressRefused(Exception):
    """A connection the policy forbids: `host` resolves only to addresses it refuses."""

    def __init__(self, host: str, port: int, addresses: Iterable[str]) -> None:
        listed = ", ".join(addresses)
        super().__init__(f"{host}:{port} is a private address ({listed})")
        self.host, self.port = host, port


@dataclass
class GuardedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only where `policy` allows."""

    policy: AddressPolicy = field(default_factory=AddressPolicy)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_host(host, port)
        allowed = [a for a in addresses if self.policy.allows(a, port)]
        if not allowed:
            raise AddressRefused(host, port, addresses)
        error: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in allowed:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error
