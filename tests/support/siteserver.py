"""Serve a built site on 127.0.0.1 the way GitHub Pages does, for the browser tests and the audit.

``http.server``'s own handler does not do what Pages does and what the tests check: serve
the site under a project-page prefix (``/repo/``), answer an unknown path with the site's
``404.html``, and compress text. So this small handler does those three things.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What Pages compresses; images and fonts are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


@functools.lru_cache(maxsize=256)
def _compressed(body: bytes) -> bytes:
    """A body gzipped once: the browser tests route requests, which turns the browser's
    cache off, so each page load asks for every asset again (a third of the tests' time
    went to compressing Material's bundle and search index anew)."""
    return gzip.compress(body, compresslevel=6, mtime=0)


class SiteHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from one built site mounted at a prefix."""

    site: Path
    prefix: str

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        """Send the file, a redirect, or the site's 404 page."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Like GET without the body."""
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Stay quiet: test output is for failures."""

    def _respond(self, *, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        target = self._file_for(path)
        if target is not None and target.is_dir():
            # Pages redirects /repo/week-1 to /repo/week-1/ so relative links resolve.
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if target is None or not target.is_file():
            status = HTTPStatus.NOT_FOUND
            target = self.site / "404.html"
        body = target.read_bytes() if target.is_file() else b"Not found"
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind == "application/javascript":
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _compressed(body)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _file_for(self, path: str) -> Path | None:
        """The file or folder a URL path names, or None outside the prefix or the site."""
        if not path.startswith(self.prefix):
            return None
        relative = path[len(self.prefix) :]
        target = (self.site / relative).resolve()
        if not target.is_relative_to(self.site):
            return None
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        return target


@contextmanager
def serve(site: Path, prefix: str = "/", port: int = 0) -> Iterator[str]:
    """Serve ``site`` at ``http://127.0.0.1:PORT{prefix}`` in a thread; yield that URL.

    The folder is read on each request, so it may be (re)built while the server runs: bind
    first with ``port=0`` (a free port), then build with the yielded URL as ``site_url``.
    """
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"prefix must start and end with '/': {prefix!r}")
    handler = type("Handler", (SiteHandler,), {"site": site.resolve(), "prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (for servers given a fixed port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The text at a local URL, or None while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], bool], timeout: float, what: str, poll: float = 0.1) -> None:
    """Poll until the condition holds; raise TimeoutError naming what was awaited."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(poll)
