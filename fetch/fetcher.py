"""The Fetcher: URL → FetchedDocument, politely (robots.txt, per-host delay) and robustly
(timeouts, a deadline per URL over every read, retries with backoff, redirect and size limits,
private addresses refused past the start URL's own server, a cache)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType

import httpx

from vnplan.formats import BY_NAME, sniff_served
from vnplan.text.charset import decode_text

from . import cache
from .addresses import AddressPolicy, AddressRefused, GuardedBackend
from .attachments import find_attachments
from .document import FetchedDocument, NotModified, Validators
from .errors import FetchError
from .retry import backoff_delay, is_retryable_status, parse_retry_after
from .robots import (
    MAX_ROBOTS_BYTES,
    RobotsPolicy,
    policy_from_response,
    robots_url,
    unreachable_policy,
)
from .settings import FetchSettings
from .sniff import parse_content_type
from .urls import check_url, host_key, origin, resolve

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ACCEPT = (
    "text/html,application/xhtml+xml,application/pdf,application/msword,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.8"
)


@dataclass(frozen=True)
class _Body:
    final_url: str
    content: bytes
    headers: httpx.Headers


@dataclass(frozen=True)
class _Redirect:
    location: str


@dataclass(frozen=True)
class _NotModified:
    headers: httpx.Headers


class _Retryable(Exception):
    """A failure worth another try; `error` is what it becomes when tries run out."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


class Fetcher:
    """One run's HTTP client: one httpx.Client, robots.txt read once per origin, and the time
    of the last request to each host. Use as a context manager. Not thread-safe."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self._guard = GuardedBackend()
        self._client = httpx.Client(
            transport=_guarded_transport(self._guard),
            headers={
                "User-Agent": s.user_agent,
                "Accept": ACCEPT,
                "Accept-Language": "vi,en;q=0.8",
            },
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
        )
        self._robots: dict[str, RobotsPolicy] = {}
        self._last_request: dict[str, float] = {}
        self._notes: list[str] = []

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()

    @property
    def notes(self) -> tuple[str, ...]:
        """Things worth telling about this run, e.g. a robots.txt that answered 5xx."""
        return tuple(self._notes)

    def attachments(self, page: FetchedDocument) -> list[str]:
        """Absolute attachment URLs (.pdf/.doc/.docx or "Tải về"-style links) of an HTML page."""
        if page.format != "html" or page.text is None:
            return []
        return find_attachments(page.text, page.final_url)

    def fetch(self, url: str, *, found_on: str | None = None) -> FetchedDocument:
        """Fetch `url` (following redirects); raise FetchError with a stable code on failure.

        The start URL — `found_on` for an attachment, else `url` — is the one server with a
        private address the fetch may reach (unless the settings allow private addresses).
        A cached copy is revalidated (ETag / Last-Modified) and returned when not modified.
        """
        s = self.settings
        cached = cache.load(s.cache_dir, check_url(url)) if s.cache_dir is not None else None
        conditional = cached.conditional_headers() if cached is not None else {}
        got = self._get(url, found_on, conditional)
        if isinstance(got, _Body):
            return self._document(url, got, found_on)
        current, headers = got
        if cached is None or not conditional:
            raise FetchError(
                "http_status", url, f"HTTP 304 for {current} without a cached copy", 304
            )
        return self._revalidated(cached, current, headers, found_on)

    def fetch_if_changed(
        self, url: str, validators: Validators, *, found_on: str | None = None
    ) -> FetchedDocument | NotModified:
        """Fetch `url` unless it is unchanged since `validators` were given out: a conditional
        request (If-None-Match / If-Modified-Since), its body never downloaded when the server
        answers 304. The cache is neither read nor written: the caller keeps the validators
        (the document's `etag` and `last_modified`). Fails as `fetch` does."""
        conditional = validators.headers()
        got = self._get(url, found_on, conditional)
        if isinstance(got, _Body):
            return self._document(url, got, found_on, keep=False)
        current, headers = got
        if not conditional:
            raise FetchError("http_status", url, f"HTTP 304 for {current}, never asked for", 304)
        fresh = Validators(
            etag=headers.get("etag") or validators.etag,
            last_modified=headers.get("last-modified") or validators.last_modified,
        )
        return NotModified(url, current, fresh, datetime.now(UTC))

    def _get(
        self, url: str, found_on: str | None, conditional: dict[str, str]
    ) -> _Body | tuple[str, httpx.Headers]:
        """The body of `url` after redirects, or (the URL that answered 304, its headers)."""
        check_url(url)
        s = self.settings
        start = found_on if found_on is not None else url
        self._guard.policy = AddressPolicy.for_start(start, allow_private=s.allow_private)
        deadline_at = time.monotonic() + s.deadline
        current = url
        for _hop in range(s.max_redirects + 1):
            self._check_robots(url, current, deadline_at)
            outcome = self._with_retries(url, current, conditional, deadline_at)
            if isinstance(outcome, _Redirect):
                current = check_url(outcome.location, asked=url)
                continue
            if isinstance(outcome, _NotModified):
                return current, outcome.headers
            return outcome
        raise FetchError(
            "too_many_redirects", url, f"more than {s.max_redirects} redirects from {url}"
        )

    # -- one URL, one request -------------------------------------------------------------

    def _with_retries(
        self, url: str, current: str, headers: dict[str, str], deadline_at: float
    ) -> _Body | _Redirect | _NotModified:
        s = self.settings
        attempt = 0
        while True:
            try:
                return self._attempt(url, current, headers, deadline_at)
            except _Retryable as failure:
                if attempt >= s.retries:
                    raise failure.error from None
                wait = failure.retry_after
                if wait is None:
                    wait = backoff_delay(attempt, s.backoff, s.max_backoff)
                if time.monotonic() + wait >= deadline_at:
                    raise FetchError(
                        "deadline",
                        url,
                        f"{failure.error}; a retry in {wait:g} s would pass the {s.deadline:g} s"
                        " deadline",
                        failure.error.status,
                    ) from None
                time.sleep(wait)
                attempt += 1

    def _attempt(
        self, url: str, current: str, headers: dict[str, str], deadline_at: float
    ) -> _Body | _Redirect | _NotModified:
        self._pace(url, current, deadline_at)
        try:
            request = self._client.build_request(
                "GET", current, headers=headers, timeout=self._timeout(url, deadline_at)
            )
            response = self._client.send(request, stream=True)
            try:
                return self._read(url, current, response, deadline_at)
            finally:
                response.close()
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError("bad_url", url, f"cannot request {current}: {exc}") from None
        except AddressRefused as exc:
            raise FetchError(
                "private_address",
                url,
                f"refusing {current}: {exc}, and only the start URL's own server may be private"
                " (--allow-private allows it)",
            ) from None
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline_at:
                raise self._deadline(url) from None
            error = FetchError("timeout", url, f"timed out on {current}: {type(exc).__name__}")
            raise _Retryable(error) from None
        except httpx.TransportError as exc:
            error = FetchError("connection", url, f"connection to {current} failed: {exc!r}")
            raise _Retryable(error) from None
        except httpx.DecodingError as exc:
            raise FetchError("connection", url, f"undecodable body from {current}: {exc}") from None

    def _read(
        self, url: str, current: str, response: httpx.Response, deadline_at: float
    ) -> _Body | _Redirect | _NotModified:
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            return _Redirect(resolve(current, response.headers["location"]))
        if status == 304:
            return _NotModified(response.headers)
        if is_retryable_status(status):
            error = FetchError("http_status", url, f"HTTP {status} from {current}", status)
            now = datetime.now(UTC)
            raise _Retryable(error, parse_retry_after(response.headers.get("retry-after"), now))
        if status == 404:
            raise FetchError("http_404", url, f"HTTP 404 Not Found: {current}", 404)
        if not 200 <= status < 300:
            raise FetchError("http_status", url, f"HTTP {status} from {current}", status)
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            raise FetchError("too_large", url, f"{current} is {declared} bytes, over {limit}")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise FetchError("too_large", url, f"{current} sent more than {limit} bytes")
            if time.monotonic() > deadline_at:
                raise self._deadline(url)
        return _Body(current, bytes(body), response.headers)

    # -- politeness -----------------------------------------------------------------------

    def _pace(self, url: str, current: str, deadline_at: float) -> None:
        """Wait until `per_host_delay` has passed since the last request to this host."""
        key = host_key(current)
        last = self._last_request.get(key)
        if last is not None:
            wait = last + self.settings.per_host_delay - time.monotonic()
            if wait > 0:
                if time.monotonic() + wait >= deadline_at:
                    raise self._deadline(url)
                time.sleep(wait)
        self._last_request[key] = time.monotonic()

    def _check_robots(self, url: str, current: str, deadline_at: float) -> None:
        if not self.settings.respect_robots:
            return
        site = origin(current)
        policy = self._robots.get(site)
        if policy is None:
            policy = self._read_robots(url, site, deadline_at)
            self._robots[site] = policy
            if policy.note:
                self._notes.append(policy.note)
                log.warning("%s", policy.note)
        if not policy.allows(self.settings.user_agent, current):
            raise FetchError("robots_disallowed", url, f"robots.txt of {site} disallows {current}")

    def _read_robots(self, url: str, site: str, deadline_at: float) -> RobotsPolicy:
        where = robots_url(site)
        self._pace(url, where, deadline_at)
        timeout = self._timeout(url, deadline_at)
        try:
            with self._client.stream(
                "GET", where, timeout=timeout, follow_redirects=True
            ) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) >= MAX_ROBOTS_BYTES:
                        break
                    if time.monotonic() > deadline_at:  # a trickle: the URL's time is up
                        return unreachable_policy(where, "still arriving at the URL's deadline")
                return policy_from_response(response.status_code, bytes(body), where)
        except (httpx.HTTPError, AddressRefused) as exc:
            return unreachable_policy(where, f"{type(exc).__name__}: {exc}")

    # -- helpers --------------------------------------------------------------------------

    def _timeout(self, url: str, deadline_at: float) -> httpx.Timeout:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise self._deadline(url)
        s = self.settings
        read = min(s.read_timeout, remaining)
        return httpx.Timeout(read, connect=min(s.connect_timeout, remaining), pool=remaining)

    def _deadline(self, url: str) -> FetchError:
        return FetchError(
            "deadline", url, f"gave up on {url} after the {self.settings.deadline:g} s deadline"
        )

    def _document(
        self, url: str, body: _Body, found_on: str | None, *, keep: bool = True
    ) -> FetchedDocument:
        """The document a body makes, kept in the cache when there is one (and `keep`)."""
        content_type = body.headers.get("content-type")
        validators = Validators(body.headers.get("etag"), body.headers.get("last-modified"))
        doc = _make_document(
            url,
            body.final_url,
            body.content,
            content_type,
            datetime.now(UTC),
            False,
            found_on,
            validators,
        )
        if keep and self.settings.cache_dir is not None:
            entry = cache.CacheEntry(
                url=url,
                final_url=body.final_url,
                content=body.content,
                media_type=doc.media_type,
                content_type=content_type,
                etag=body.headers.get("etag"),
                last_modified=body.headers.get("last-modified"),
                fetched_at=doc.fetched_at,
            )
            self._store(entry)
        return doc

    def _store(self, entry: cache.CacheEntry) -> None:
        """Keep `entry` in the cache; a cache that cannot be written (a full disk) is noted and
        skipped: the document was fetched all the same."""
        assert self.settings.cache_dir is not None
        try:
            cache.store(self.settings.cache_dir, entry)
        except OSError as exc:
            note = f"the cache {self.settings.cache_dir} cannot be written: {exc.strerror}"
            if note not in self._notes:
                self._notes.append(note)
                log.warning("%s", note)

    def _revalidated(
        self, entry: cache.CacheEntry, current: str, headers: httpx.Headers, found_on: str | None
    ) -> FetchedDocument:
        """The cached copy after a 304, its validators refreshed from the 304 if it sent any."""
        now = datetime.now(UTC)
        fresh = cache.CacheEntry(
            url=entry.url,
            final_url=current,
            content=entry.content,
            media_type=entry.media_type,
            content_type=entry.content_type,
            etag=headers.get("etag") or entry.etag,
            last_modified=headers.get("last-modified") or entry.last_modified,
            fetched_at=now,
        )
        if self.settings.cache_dir is not None:
            self._store(fresh)
        return _make_document(
            entry.url,
            current,
            entry.content,
            entry.content_type,
            now,
            True,
            found_on,
            Validators(fresh.etag, fresh.last_modified),
        )


def _guarded_transport(guard: GuardedBackend) -> httpx.HTTPTransport:
    """httpx's own transport, with its connections opened through `guard` and never kept for
    the next request (a kept connection would skip the check of a later, stricter fetch)."""
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    pool = transport._pool  # httpx offers no public way to pass httpcore a network backend
    assert hasattr(pool, "_network_backend"), "httpcore changed: see fetch/addresses.py"
    pool._network_backend = guard
    return transport


def _make_document(
    url: str,
    final_url: str,
    content: bytes,
    content_type: str | None,
    fetched_at: datetime,
    from_cache: bool,
    found_on: str | None,
    validators: Validators,
) -> FetchedDocument:
    """Sniff, decode if text, and wrap."""
    header_type, header_charset = parse_content_type(content_type)
    fmt = sniff_served(content, header_type)
    text = charset = None
    if fmt in ("html", "txt"):
        decoded = decode_text(content, header_charset, html=fmt == "html")
        text, charset = decoded.text, decoded.charset
    return FetchedDocument(
        url=url,
        final_url=final_url,
        content=content,
        media_type=BY_NAME[fmt].media_type,
        format=fmt,
        charset=charset,
        text=text,
        fetched_at=fetched_at,
        from_cache=from_cache,
        found_on=found_on,
        etag=validators.etag,
        last_modified=validators.last_modified,
    )
