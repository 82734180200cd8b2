"""A guard in front of the Oxigraph server: every SPARQL request is read before it is passed on.

``graphkit serve`` runs ``oxigraph serve-read-only`` on a private loopback
port and this proxy on the public one. The proxy reads each request's query
(``?query=`` of a GET, the form field or the ``application/sparql-query`` body
of a POST) and refuses one that uses ``SERVICE`` (:func:`graphkit.store.sparqltext.outbound`):
otherwise any client could make the server fetch a URL of its choosing and
read the answer (server-side request forgery). Everything else is passed on
unchanged and the answer streamed back, so the endpoint behaves as Oxigraph's
(same paths, formats, timeout). Updates are refused by the proxy too: the
endpoint is read-only.

Requests the proxy cannot read with certainty — a POST body in an unknown
content type or encoding, or without a length — are refused (415, 411)
rather than passed on unread.
"""
from __future__ import annotations

import http.client
import http.server
import socket
import threading
import urllib.parse

from .sparqltext import outbound

__all__ = ["GuardProxy", "refusal", "MAX_BODY"]

#: Largest request body read (bytes); a SPARQL query is far smaller.
MAX_BODY = 10 * 1024 * 1024
_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
        "proxy-authenticate", "content-length"}
_FORWARDED_REQUEST_HEADERS = ("accept", "content-type", "accept-language", "origin")


def refusal(texts: list[str], allow_service: bool) -> str | None:
    """Why a request holding the SPARQL ``texts`` is refused (None: pass it on).

    Examples
    --------
    >>> refusal(["SELECT * { ?s ?p ?o }"], False) is None
    True
    >>> refusal(["SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"], False)[:40]
    'SERVICE is refused: this endpoint sends '
    >>> refusal(["SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"], True) is None
    True
    """
    for text in texts:
        found = outbound(text)
        if found and not allow_service:
            return (f"{' and '.join(found)} is refused: this endpoint sends no request to other servers "
                    "(start it with graphkit serve --allow-service to allow it)")
    return None


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "graphkit-guard"
    protocol_version = "HTTP/1.0"  # one request per connection; answers end when the connection closes

    def log_message(self, fmt, *args):  # quiet: the CLI prints what matters
        pass

    # ------------------------------------------------------------------ reading
    def _refuse(self, code: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _body(self) -> bytes | None:
        if self.headers.get("Transfer-Encoding"):
            self._refuse(411, "send the request with a Content-Length (chunked bodies are not accepted)")
            return None
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            size = int(length)
        except ValueError:
            self._refuse(400, "bad Content-Length")
            return None
        if size < 0 or size > MAX_BODY:
            self._refuse(413, f"request body over {MAX_BODY} bytes")
            return None
        return self.rfile.read(size)

    def _texts(self, body: bytes) -> tuple[list[str], bool] | None:
        """The SPARQL texts of the request and whether it is an update; None after refusing it."""
        url = urllib.parse.urlsplit(self.path)
        fields = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        texts = fields.get("query", []) + fields.get("update", [])
        update = bool(fields.get("update")) or url.path.rstrip("/").endswith("/update")
        if self.command == "POST" or body:
            if self.headers.get("Content-Encoding", "identity").lower() != "identity":
                self._refuse(415, "compressed request bodies are not accepted")
                return None
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                self._refuse(400, "the request body is not UTF-8")
                return None
            if kind == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(text, keep_blank_values=True)
                texts += form.get("query", []) + form.get("update", [])
                update = update or bool(form.get("update"))
            elif kind in ("application/sparql-query", "application/sparql-update"):
                texts.append(text)
                update = update or kind == "application/sparql-update"
            elif body:
                self._refuse(415, f"unsupported request content type {kind or '(none)'!r}: send "
                                  "application/sparql-query or an application/x-www-form-urlencoded form")
                return None
        return texts, update

    # ------------------------------------------------------------------ passing on
    def _handle(self) -> None:
        body = self._body()
        if body is None:
            return
        found = self._texts(body)
        if found is None:
            return
        texts, update = found
        if update or self.command in ("PUT", "DELETE", "PATCH"):
            self._refuse(403, "this endpoint is read-only: updates and graph writes are refused")
            return
        why = refusal(texts, self.server.allow_service)
        if why:
            self._refuse(403, why)
            return
        self._forward(body)

    def _forward(self, body: bytes) -> None:
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=self.server.upstream_timeout)
        headers = {k: v for k, v in self.headers.items() if k.lower() in _FORWARDED_REQUEST_HEADERS}
        try:
            upstream.request(self.command, self.path, body=body if body else None, headers=headers)
            answer = upstream.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            self._refuse(502, f"the Oxigraph server did not answer: {exc}")
            upstream.close()
            return
        try:
            self.send_response(answer.status, answer.reason)
            for key, value in answer.getheaders():
                if key.lower() not in _HOP:
                    self.send_header(key, value)
            self.end_headers()
            if self.command == "HEAD":
                return
            while chunk := answer.read(64 * 1024):
                self.wfile.write(chunk)
        except (OSError, http.client.HTTPException):
            pass  # the client went away, or the server cut the answer: nothing more to send
        finally:
            upstream.close()

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = _handle


class GuardProxy(http.server.ThreadingHTTPServer):
    """Listen on ``(host, port)`` and pass checked requests to Oxigraph on ``127.0.0.1:upstream_port``.

    Raises
    ------
    OSError
        The address is taken (``errno.EADDRINUSE``) or cannot be bound.
    """

    daemon_threads = True
    allow_reuse_address = False  # a second graphkit serve on a busy port must fail, not share it

    def __init__(self, host: str, port: int, upstream_port: int, *, allow_service: bool = False,
                 upstream_timeout: float = 120.0):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.upstream_port = upstream_port
        self.allow_service = allow_service
        self.upstream_timeout = upstream_timeout
        super().__init__((host, port), _Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def start(self) -> threading.Thread:
        """Serve in a background thread (for tests and for the CLI, which waits on the server process)."""
        thread = threading.Thread(target=self.serve_forever, name="graphkit-guard", daemon=True)
        thread.start()
        return thread
