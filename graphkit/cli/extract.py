"""``graphkit extract`` (text → proposed acts) and ``graphkit accept`` (reviewed acts → curated Turtle)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from ..graph.loading import DEFAULT_DATA
from ..graph.writing import atomic_write, serialise
from . import main
from .options import DateType


def _inside_data(path: Path) -> bool:
    try:
        path.resolve().relative_to(DEFAULT_DATA.resolve())
        return True
    except ValueError:
        return False


@main.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--published", required=True, type=DateType(),
              help="Publication date of the text (YYYY-MM-DD); relative dates are read from it.")
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default="auto", show_default=True,
              help="Language of the text; auto counts common words.")
@click.option("--format", "fmt", type=click.Choice(["json", "turtle", "trig"]), default="json", show_default=True,
              help="JSON for review (schema in the README), or RDF: the acts in a named graph marked as extracted.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write here (atomically) instead of standard output; never inside data/.")
def extract_command(file, published, lang, fmt, output):
    """Find alignment acts in a French or English text, each with its evidence, for review.

    Example: graphkit extract article.txt --published 2020-09-10 -o article.acts.json
    """
    from ..extract import extract_file, extraction_graph

    if output is not None and _inside_data(output):
        raise InputError("extracted acts are not reviewed: they are never written into data/", file=output,
                         hint="write them elsewhere, review them, then: graphkit accept FILE.json ID... -o data/acts/X.ttl")
    extraction = extract_file(file, published, lang)
    if fmt == "json":
        text = extraction.to_json()
    else:
        text = serialise(extraction_graph(extraction), fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        with atomic_write(output) as fh:
            fh.write(text)
        click.echo(f"{len(extraction.acts)} act(s) found; wrote {output}", err=True)


@main.command("accept")
@click.argument("extraction", type=click.Path(path_type=Path))
@click.argument("ids", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Turtle file to write (atomically), e.g. data/acts/<id>.ttl once you are sure.")
@click.option("--source-id", default=None, help="Id of the text as a source (default: text-<file stem>).")
def accept_command(extraction, ids, output, source_id):
    """Turn reviewed acts of an extraction (ids a1, a2 … or 'all') into curated Turtle facts with provenance.

    Example: graphkit accept article.acts.json a1 a3 -o accepted/article.ttl
    """
    from ..extract import accept

    try:
        doc = json.loads(extraction.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("file not found", file=extraction, hint="give the JSON written by graphkit extract") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not JSON: {exc}", file=extraction, hint="give the JSON written by graphkit extract") from None
    graph = accept(doc, list(ids), source_id=source_id, file=extraction)
    with atomic_write(output) as fh:
        fh.write(serialise(graph, "turtle"))
    click.echo(f"accepted {len(ids) if ids != ('all',) else len(doc['acts'])} act(s); wrote {output}", err=True)
