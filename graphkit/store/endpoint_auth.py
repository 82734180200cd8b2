"""Credentials for a SPARQL server, and the HTTP ``Authorization`` header that carries them.

Credentials come from the environment or a netrc-style file, never from the
command line (where ``ps`` and shell histories would show them) and never into
a log or an error message:

1. ``GRAPHKIT_ENDPOINT_USER`` and ``GRAPHKIT_ENDPOINT_PASSWORD``, both set;
2. else the file named by ``GRAPHKIT_NETRC`` (or ``NETRC``, or ``~/.netrc``): the
   entry ``machine HOST:PORT`` if there is one, else ``machine HOST``.

Servers ask for them with a challenge (``401`` and ``WWW-Authenticate``): HTTP
Digest (Virtuoso's ``/sparql-auth`` and ``/sparql-graph-crud-auth``) or Basic.
:class:`Authorizer` answers the challenge once and then signs every request
before it is sent. That matters for uploads: a client that sends a 6 MB body
first and authenticates after the ``401`` is cut off by Virtuoso, which closes
the connection without reading the body (``connection reset``).

Examples
--------
>>> creds = Credentials("graphkit", "s3cret")
>>> creds
Credentials(user='graphkit')
>>> "s3cret" in repr(creds) or "s3cret" in str(creds)
False
>>> a = Authorizer(creds)
>>> a.learn("/sparql-auth", 'Digest realm="SPARQL", nonce="abc", opaque="x", qop="auth", algorithm="MD5"')
>>> header = a.header("POST", "/sparql-auth")
>>> header.startswith('Digest username="graphkit", realm="SPARQL", nonce="abc", uri="/sparql-auth"')
True
>>> "s3cret" in header
False
"""
from __future__ import annotations

import base64
import hashlib
import netrc
import os
import re
import secrets
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EndpointError

__all__ = ["Credentials", "credentials_for", "Authorizer", "USER_VARIABLE", "PASSWORD_VARIABLE", "NETRC_VARIABLE"]

USER_VARIABLE = "GRAPHKIT_ENDPOINT_USER"
PASSWORD_VARIABLE = "GRAPHKIT_ENDPOINT_PASSWORD"
NETRC_VARIABLE = "GRAPHKIT_NETRC"


@dataclass(frozen=True)
class Credentials:
    """A user name and a password (the password never shows in ``repr``)."""

    user: str
    password: str = field(repr=False)


def credentials_for(url: str, environ=None) -> Credentials | None:
    """The credentials for the server at ``url``, from the environment or a netrc file; None if none.

    Examples
    --------
    >>> credentials_for("http://127.0.0.1:8890", {"GRAPHKIT_ENDPOINT_USER": "u", "GRAPHKIT_ENDPOINT_PASSWORD": "p"})
    Credentials(user='u')
    >>> credentials_for("http://127.0.0.1:8890", {"GRAPHKIT_NETRC": "/nonexistent"}) is None
    True

    Raises
    ------
    EndpointError
        Only one of the two variables is set, or the netrc file cannot be parsed.
    """
    env = os.environ if environ is None else environ
    user, password = env.get(USER_VARIABLE), env.get(PASSWORD_VARIABLE)
    if user or password:
        if not (user and password):
            missing = PASSWORD_VARIABLE if user else USER_VARIABLE
            raise EndpointError(f"{missing} is not set (set both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither)",
                                hint="or put the credentials in a netrc file: machine HOST login USER password PASS")
        return Credentials(user, password)
    path = env.get(NETRC_VARIABLE) or env.get("NETRC") or str(Path.home() / ".netrc")
    if not Path(path).is_file():
        return None
    try:
        entries = netrc.netrc(path)
    except (netrc.NetrcParseError, OSError) as exc:
        line = getattr(exc, "lineno", None)
        raise EndpointError("cannot read the netrc file", file=path, line=line,
                            hint="write one line per server: machine HOST[:PORT] login USER password PASS") from None
    parsed = urllib.parse.urlparse(url)
    host = parsed.hostname or ""
    for machine in (f"{host}:{parsed.port}" if parsed.port else None, host):
        found = entries.authenticators(machine) if machine else None
        if found and found[0] and found[2]:
            return Credentials(found[0], found[2])
    return None


_PARAM = re.compile(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))')


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class Authorizer:
    """Signs requests for one server: learns each path's challenge, then sends the answer up front.

    Digest (RFC 7616, MD5 and ``qop=auth``) re-uses a server nonce with a rising
    nonce count, as the RFC allows, so one challenge serves many requests; when
    the server calls the nonce stale it answers ``401`` again and the caller
    learns the new one (:meth:`learn`) and retries once.
    """

    def __init__(self, credentials: Credentials):
        self.credentials = credentials
        self._challenges: dict[str, dict] = {}  # path -> parsed challenge (+ "scheme", "nc")
        self._cnonce = secrets.token_hex(8)

    def __repr__(self) -> str:
        return f"Authorizer({self.credentials!r})"

    def knows(self, path: str) -> bool:
        return path in self._challenges

    def learn(self, path: str, header: str | None) -> None:
        """Remember the challenge of a ``WWW-Authenticate`` header for ``path``.

        Raises
        ------
        EndpointError
            The server asks for a scheme other than Digest or Basic.
        """
        scheme, _, rest = (header or "").strip().partition(" ")
        scheme = scheme.lower()
        if scheme not in ("digest", "basic"):
            raise EndpointError(f"the server asks for {scheme or 'no known'} authentication",
                                hint="graphkit speaks HTTP Digest and Basic")
        fields = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _PARAM.finditer(rest)}
        algorithm = fields.get("algorithm", "MD5").upper()
        if scheme == "digest" and algorithm not in ("MD5", "MD5-SESS"):
            raise EndpointError(f"the server asks for Digest with {algorithm}", hint="graphkit speaks Digest with MD5")
        self._challenges[path] = {**fields, "scheme": scheme, "nc": 0}

    def header(self, method: str, uri: str) -> str | None:
        """The ``Authorization`` header for ``method`` on ``uri`` (path and query), or None if no challenge is known."""
        path = urllib.parse.urlsplit(uri).path
        challenge = self._challenges.get(path)
        if challenge is None:
            return None
        user, password = self.credentials.user, self.credentials.password
        if challenge["scheme"] == "basic":
            return "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
        challenge["nc"] += 1
        nc = f"{challenge['nc']:08x}"
        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        ha1 = _md5(f"{user}:{realm}:{password}")
        if challenge.get("algorithm", "MD5").upper() == "MD5-SESS":
            ha1 = _md5(f"{ha1}:{nonce}:{self._cnonce}")
        ha2 = _md5(f"{method}:{uri}")
        qops = [q.strip() for q in challenge.get("qop", "").split(",") if q.strip()]
        parts = [f'username="{user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"',
                 f'algorithm={challenge.get("algorithm", "MD5")}']
        if "auth" in qops:
            response = _md5(f"{ha1}:{nonce}:{nc}:{self._cnonce}:auth:{ha2}")
            parts += [f'response="{response}"', "qop=auth", f"nc={nc}", f'cnonce="{self._cnonce}"']
        else:
            parts.append(f'response="{_md5(f"{ha1}:{nonce}:{ha2}")}"')
        if "opaque" in challenge:
            parts.append(f'opaque="{challenge["opaque"]}"')
        return "Digest " + ", ".join(parts)
