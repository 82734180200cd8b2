"""Just enough SPARQL lexing to classify a request and to bind parameters with ``VALUES``.

The scanner skips comments, strings and IRIs, so braces or keywords inside them
never count. Two uses: :func:`operation` tells a query (SELECT, ASK, CONSTRUCT,
DESCRIBE) from an update (INSERT, DELETE, DROP ...), and :func:`inject_values`
puts a ``VALUES`` block built from RDF terms at the start of the query's WHERE
group and of every sub-SELECT — the text of a parameter never enters the query, only the serialisation
of a term that was constructed (and so validated) first. A third, :func:`outbound`, finds what would
make the engine fetch from the network (``SERVICE``, and ``LOAD`` in an update), so it can be refused.

Examples
--------
>>> operation("PREFIX gk: <https://w3id.org/graphkit/ontology#> # a comment { DROP\\nSELECT * { ?s ?p ?o }")
'SELECT'
>>> operation("DROP ALL")
'DROP'
>>> print(inject_values('SELECT ?x WHERE { ?x <p> "{" }', {"y": '"1"'}))
SELECT ?x WHERE {
  VALUES (?y) { ("1") }
 ?x <p> "{" }
>>> outbound('SELECT * { ?s ?p "SERVICE" . SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
['SERVICE']
"""
from __future__ import annotations

import re

__all__ = ["tokens", "operation", "inject_values", "outbound", "unescape_codepoints", "QUERY_FORMS", "UPDATE_FORMS"]

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAME = re.compile(r"[A-Za-z0-9_:.\-]*")


def tokens(text: str):
    """Yield ``(kind, value, offset)`` for braces (``{``/``}``) and bare words outside strings, IRIs and comments."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<":
            m = _IRI.match(text, i)
            i = m.end() if m else i + 1
        elif c in "{}":
            yield c, c, i
            i += 1
        elif c in "?$":  # a variable: skip its name so ?select is not a keyword
            m = _WORD.match(text, i + 1)
            i = m.end() if m else i + 1
        elif c.isalpha() or c == "_":
            m = _NAME.match(text, i)
            word = m.group(0).rstrip(".")
            yield "word", word, i
            i += max(len(word), 1)
        else:
            i += 1


def operation(text: str) -> str | None:
    """The first keyword after the prologue (PREFIX/BASE): SELECT, ASK, ..., INSERT, DROP ...; None if empty.

    >>> operation("PREFIX : <http://example.org/> PREFIX ex: <http://example.org/> SELECT * { ?s :p ?o }")
    'SELECT'
    """
    after_prefix = False
    for kind, value, _ in tokens(text):
        if kind != "word":
            continue
        if after_prefix and value.endswith(":"):
            after_prefix = False
            continue  # the prefix name (the empty one, ':', is no word; its IRI is skipped by the scanner)
        after_prefix = False
        upper = value.upper()
        if upper == "PREFIX":
            after_prefix = True
            continue
        if upper == "BASE":
            continue
        return upper
    return None


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    r"""Replace ``\uXXXX`` and ``\UXXXXXXXX`` escapes by their characters, as SPARQL 1.1 allows before parsing.

    >>> unescape_codepoints(r"\u0053ERVICE")
    'SERVICE'
    """
    def char(m):
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)
    return _CODEPOINT.sub(char, text)


def _outbound_words(text: str, update: bool) -> list[str]:
    found = []
    for kind, value, _ in tokens(text):
        if kind != "word":
            continue
        upper = value.upper()
        colon = upper.find(":") if ":" in upper else len(upper)
        # The engines' parsers need no space around a keyword ("trueSERVICE", "SERVICE:x", "SERVICESILENT"
        # are SERVICE for Oxigraph): any word holding the keyword before a prefixed name's colon counts.
        # After the colon it is part of a local name (ex:customerService), which a parser reads whole.
        if 0 <= upper.find("SERVICE") < colon:
            found.append("SERVICE")
        if update and 0 <= upper.find("LOAD") < colon:
            found.append("LOAD")
    return found


def outbound(text: str) -> list[str]:
    """The operations in ``text`` that make a SPARQL engine send requests: ``SERVICE``, and ``LOAD`` in an update.

    Keywords are found outside strings, IRIs and comments, also when glued to
    a neighbouring word (Oxigraph reads ``trueSERVICE <x> {}`` as a SERVICE
    call) and also through ``\\u`` escapes; a prefix named like the keyword
    (``service:``) counts too, which errs on the side of refusing.

    Examples
    --------
    >>> outbound("PREFIX schema: <http://schema.org/> SELECT ?t { ?s schema:serviceType ?t }")
    []
    >>> outbound("PREFIX : <http://example.org/> SELECT * { ?s ?p true SERVICE:x { ?s ?p ?o } }")
    ['SERVICE']
    >>> outbound("LOAD <http://example.org/data.ttl>"), outbound("SELECT ?load { ?load ?p ?o }")
    (['LOAD'], [])
    """
    found = []
    for variant in dict.fromkeys((text, unescape_codepoints(text))):
        form = operation(variant)
        found += _outbound_words(variant, update=form not in QUERY_FORMS)
    return sorted(set(found), key=found.index)


def inject_values(text: str, terms: dict[str, str]) -> str:
    """Insert ``VALUES (?a ?b) { (t1 t2) }`` after the brace opening the WHERE group, and in every sub-SELECT.

    ``terms`` maps variable names to N-Triples serialisations of RDF terms
    (as ``str()`` of a pyoxigraph term gives). The block goes at the top of the
    query's WHERE group, so its filters and optionals see the values, and at
    the top of each sub-SELECT's WHERE group, so a parameter means the same
    inside a sub-SELECT as outside (as substitution would) and the engine can
    use it there: Oxigraph does not push an outer VALUES into a sub-SELECT.

    Examples
    --------
    >>> print(inject_values("SELECT ?x { { SELECT ?x { ?x ?p ?y } } }", {"y": "<urn:y>"}))
    SELECT ?x {
      VALUES (?y) { (<urn:y>) }
     { SELECT ?x {
      VALUES (?y) { (<urn:y>) }
     ?x ?p ?y } } }
    """
    if not terms:
        return text
    form = operation(text)
    depth, opened, where_seen = 0, 0, False
    positions = []
    pending_subselect: list[int] = []  # depths at which a SELECT keyword waits for its WHERE brace
    for kind, value, offset in tokens(text):
        if kind == "word":
            upper = value.upper()
            if depth == 0 and upper == "WHERE":
                where_seen = True
            elif depth > 0 and upper == "SELECT":
                pending_subselect.append(depth)
        elif kind == "{":
            if depth == 0:
                opened += 1
                # CONSTRUCT's template is the first top-level group unless WHERE came first.
                if form != "CONSTRUCT" or where_seen or opened == 2:
                    if not positions:
                        positions.append(offset + 1)
            elif pending_subselect and pending_subselect[-1] == depth:
                pending_subselect.pop()
                positions.append(offset + 1)
            depth += 1
        elif kind == "}":
            depth -= 1
    if not positions:
        raise ValueError("no WHERE group to bind parameters in")
    names = list(terms)
    block = "\n  VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(terms[n] for n in names) + ") }\n"
    for position in sorted(positions, reverse=True):
        text = text[:position] + block + text[position:]
    return text
