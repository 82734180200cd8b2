"""``graphkit render`` and ``graphkit export``: pictures and files for other tools."""
from __future__ import annotations

import click

from ..render.export import EXPORT_FORMATS
from ..render.files import RENDER_FORMATS, export_view, render_view
from ..render.tables import TABLES
from ..render.views import VIEWS
from . import main
from .options import open_graphkit, selection_options

view_option = click.option("--view", type=click.Choice(VIEWS), default="coalition", show_default=True,
                           help="coalition: same side; signed: same minus opposite sides; bipartite: states and acts (curated).")


@main.command("render")
@view_option
@click.option("--act", help="Colour states by their stance on this act (its id, e.g. hrc44-2020-07-01-xinjiang-support; "
                            "for votes a record id).")
@selection_options
@click.option("--format", "fmt", type=click.Choice(RENDER_FORMATS), default=None,
              help="html (interactive, offline), png or svg (static, for papers). Default: from -o's suffix.")
@click.option("--png", "fmt", flag_value="png", help="Same as --format png.")
@click.option("--svg", "fmt", flag_value="svg", help="Same as --format svg.")
@click.option("--title", help="Title of the picture (default: the view and the filters).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the layout and bloc detection.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="File to write (.html, .png, .svg).")
def render_command(view, act, fmt, title, seed, output, **kwargs):
    """Draw the coalition graph as one offline HTML page (or a PNG/SVG picture).

    States are coloured by bloc (or by stance on one --act), sized by centrality;
    edges are weighted by agreement; the page needs no network.

    \b
    Example: graphkit render --view signed --target CHN --since 2019 -o coalitions.html
    Example: graphkit render --source unga --session 74 -o ga74.html
    """
    gk, source, options = open_graphkit(kwargs)
    v = gk.view(view, source, act=act, title=title, seed=seed, **options)
    path = render_view(v, output, fmt, seed)
    click.echo(f"wrote {path}: {v.graph.number_of_nodes()} nodes, {v.graph.number_of_edges()} edges, "
               f"{len(v.acts_info)} acts", err=True)


@main.command("export")
@view_option
@selection_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
              help="gexf (Gephi, with a timeline), graphml, cytoscape-json, csv (Datawrapper). Default: from -o.")
@click.option("--table", type=click.Choice(TABLES), default=None,
              help="With csv: write only this table to -o FILE; without it -o is a folder of edges/blocs/years.csv.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bloc detection.")
@click.option("-o", "--output", type=click.Path(), required=True, help="File (or folder, for all CSV tables) to write.")
def export_command(view, fmt, table, seed, output, **kwargs):
    """Export a view for Gephi, yEd, Cytoscape or Datawrapper, with the act IRIs behind each edge.

    Example: graphkit export --format gexf --target CHN -o coalitions.gexf
    """
    gk, source, options = open_graphkit(kwargs)
    v = gk.view(view, source, seed=seed, **options)
    for path in export_view(v, output, fmt=fmt, table=table):
        click.echo(f"wrote {path}", err=True)
