"""Generate ``data/states.ttl``: every UN member state and the two observer states.

Sources, pinned in ``setup.cfg`` (extra ``curate``):

* **country_converter 1.3.2** — its table ``country_data.tsv`` gives the UN
  membership year (column ``UNmember``), the ISO codes and a name regex. We
  read the TSV file directly instead of importing the package, because
  country_converter 1.3.2 fails to import under pandas 3 (Namibia's code "NA"
  is read as a missing value).
* **pycountry 26.2.16** — ISO 3166-1 names and their French translations.

The observer states (Holy See, State of Palestine) are not in country_converter's
``UNmember`` column; they are added here from the UN resolutions that grant
their status, each with its symbol.

Run ``python -m graphkit.curation.states [OUT]`` (default ``data/states.ttl``).
"""
from __future__ import annotations

import csv
import gettext
import importlib.util
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..namespaces import bind_prefixes, DCTERMS, GK, ID, PROV, RDF, RDFS, SKOS, XSD, state_iri
from ..graph.writing import write_graph_atomically

COCO_VERSION = "1.3.2"

OBSERVERS = {
    # iso3: (resolution symbol, date, precision, title quoted as evidence)
    "PSE": ("A/RES/67/19", "2012-11-29", "day",
            "Decides to accord to Palestine non-member observer State status in the United Nations"),
    "VAT": ("A/RES/58/314", "2004-07-01", "day",
            "Participation of the Holy See in the work of the United Nations"),
}


def coco_table() -> list[dict]:
    """Rows of country_converter's ``country_data.tsv``, read without importing the package."""
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("country_converter is not installed: pip install 'graphkit[curate]'")
    path = Path(list(spec.submodule_search_locations)[0]) / "country_data.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def french_label(name: str) -> str:
    """Turn ISO's inverted French names ("Corée, République de") into running text."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.endswith(("de", "du", "des")):
        return f"{tail[:1].upper()}{tail[1:]} {head}"
    if tail.endswith("d'"):
        return f"{tail[:1].upper()}{tail[1:]}{head}"
    return f"{tail[:1].upper()}{tail[1:]} {head}"


def states_graph() -> Graph:
    """Build the states graph from country_converter and pycountry."""
    import pycountry

    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    g = bind_prefixes(Graph())
    coco_src = ID["source/country-converter-1.3.2"]
    g.add((coco_src, RDF.type, GK.Source))
    g.add((coco_src, DCTERMS.title, Literal("country_converter 1.3.2, country_data.tsv")))
    g.add((coco_src, GK.url, Literal("https://pypi.org/project/country-converter/1.3.2/", datatype=XSD.anyURI)))
    g.add((coco_src, GK.sourceKind, Literal("reference-table")))
    pyc_src = ID[f"source/pycountry-{pycountry_version()}"]
    g.add((pyc_src, RDF.type, GK.Source))
    g.add((pyc_src, DCTERMS.title, Literal(f"pycountry {pycountry_version()} (ISO 3166-1 and its French translation)")))
    g.add((pyc_src, GK.url, Literal(f"https://pypi.org/project/pycountry/{pycountry_version()}/", datatype=XSD.anyURI)))
    g.add((pyc_src, GK.sourceKind, Literal("reference-table")))
    un = ID["org/un"]

    rows = {r["ISO3"]: r for r in coco_table()}
    wanted = sorted(iso3 for iso3, r in rows.items() if r["UNmember"].strip() not in ("", "nan")) + sorted(OBSERVERS)
    for iso3 in wanted:
        row = rows[iso3]
        country = pycountry.countries.get(alpha_3=iso3)
        s = state_iri(iso3)
        g.add((s, RDF.type, GK.State))
        g.add((s, GK.iso3, Literal(iso3)))
        g.add((s, GK.iso2, Literal(country.alpha_2)))
        g.add((s, GK.isoNumeric, Literal(country.numeric)))
        g.add((s, SKOS.prefLabel, Literal(row["name_short"], lang="en")))
        fr_name = french_label(fr.gettext(country.name))
        g.add((s, SKOS.prefLabel, Literal(fr_name, lang="fr")))
        alts_en = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None),
                   row["name_official"]} - {None, "", row["name_short"]}
        for alt in sorted(alts_en):
            g.add((s, SKOS.altLabel, Literal(alt, lang="en")))
        alts_fr = {fr.gettext(country.name)}
        if getattr(country, "official_name", None):
            alts_fr.add(fr.gettext(country.official_name))
        for alt in sorted(alts_fr - {fr_name}):
            g.add((s, SKOS.altLabel, Literal(alt, lang="fr")))
        if row["regex"]:
            g.add((s, GK.nameRegex, Literal(row["regex"])))

        m = ID[f"membership/{iso3}-un"]
        g.add((m, RDF.type, GK.Membership))
        g.add((m, GK.member, s))
        g.add((m, GK.organisation, un))
        ev = ID[f"evidence/{iso3}-un-membership"]
        g.add((m, GK.evidence, ev))
        g.add((ev, RDF.type, GK.Evidence))
        if iso3 in OBSERVERS:
            symbol, date, precision, title = OBSERVERS[iso3]
            g.add((m, GK.membershipKind, Literal("observer")))
            g.add((m, GK.date, Literal(date, datatype=XSD.date)))
            g.add((m, GK.datePrecision, GK[precision]))
            src = ID["source/" + symbol.replace("/", "-").lower()]
            g.add((src, RDF.type, GK.Source))
            g.add((src, GK.symbol, Literal(symbol)))
            g.add((src, DCTERMS.title, Literal(title, lang="en")))
            g.add((src, GK.sourceKind, Literal("un-document")))
            g.add((ev, PROV.wasDerivedFrom, src))
            g.add((ev, GK.excerpt, Literal(title, lang="en")))
        else:
            year = row["UNmember"].split(".")[0]
            g.add((m, GK.membershipKind, Literal("member")))
            g.add((m, GK.date, Literal(f"{year}-01-01", datatype=XSD.date)))
            g.add((m, GK.datePrecision, GK.year))
            g.add((ev, PROV.wasDerivedFrom, coco_src))
            g.add((ev, GK.excerpt, Literal(f"ISO3={iso3}; UNmember={year}")))
        ev_iso = ID[f"evidence/{iso3}-iso3166"]
        g.add((s, GK.evidence, ev_iso))
        g.add((ev_iso, RDF.type, GK.Evidence))
        g.add((ev_iso, PROV.wasDerivedFrom, pyc_src))
        g.add((ev_iso, GK.excerpt, Literal(f"alpha_3={iso3}; alpha_2={country.alpha_2}; name={country.name}")))
    return g


def pycountry_version() -> str:
    from importlib.metadata import version
    return version("pycountry")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "data/states.ttl")
    g = states_graph()
    write_graph_atomically(g, out, "turtle")
    n = len(set(g.subjects(RDF.type, GK.State)))
    print(f"wrote {out}: {n} states, {len(g)} triples", file=sys.stderr)


if __name__ == "__main__":
    main()
