"""``graphkit render`` and ``graphkit export``: pictures and files for other tools."""
from __future__ import annotations

import click

from ..graph.build import build
from ..render.export import EXPORT_FORMATS
from ..render.files import RENDER_FORMATS, export_file, render_file
from ..render.tables import TABLES
from ..render.views import VIEWS
from . import main
from .options import by_act_option, data_option, filter_options, filters_from

view_option = click.option("--view", type=click.Choice(VIEWS), default="coalition", show_default=True,
                           help="coalition: same side; signed: same minus opposite sides; bipartite: states and acts.")


@main.command("render")
@view_option
@click.option("--act", help="Colour states by their stance on this act (its id, e.g. hrc44-2020-07-01-xinjiang-support).")
@filter_options
@data_option
@click.option("--format", "fmt", type=click.Choice(RENDER_FORMATS), default=None,
              help="html (interactive, offline), png or svg (static, for papers). Default: from -o's suffix.")
@click.option("--png", "fmt", flag_value="png", help="Same as --format png.")
@click.option("--svg", "fmt", flag_value="svg", help="Same as --format svg.")
@click.option("--title", help="Title of the picture (default: the view and the filters).")
@by_act_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the layout and bloc detection.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="File to write (.html, .png, .svg).")
def render_command(view, act, data_dir, fmt, title, seed, output, by_act, **kwargs):
    """Draw the coalition graph as one offline HTML page (or a PNG/SVG picture).

    States are coloured by bloc (or by stance on one --act), sized by centrality;
    edges are weighted by agreement; the page needs no network.

    Example: graphkit render --view signed --target CHN --since 2019 -o coalitions.html
    """
    filters = filters_from(kwargs)
    graph = build(data_dir, check=False).graph
    path, v = render_file(graph, output, view=view, filters=filters, act=act, fmt=fmt, title=title, seed=seed,
                          by_occasion=not by_act)
    click.echo(f"wrote {path}: {v.graph.number_of_nodes()} nodes, {v.graph.number_of_edges()} edges, "
               f"{len(v.acts_info)} acts", err=True)


@main.command("export")
@view_option
@filter_options
@data_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
              help="gexf (Gephi, with a timeline), graphml, cytoscape-json, csv (Datawrapper). Default: from -o.")
@click.option("--table", type=click.Choice(TABLES), default=None,
              help="With csv: write only this table to -o FILE; without it -o is a folder of edges/blocs/years.csv.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bloc detection.")
@by_act_option
@click.option("-o", "--output", type=click.Path(), required=True, help="File (or folder, for all CSV tables) to write.")
def export_command(view, data_dir, fmt, table, seed, output, by_act, **kwargs):
    """Export a view for Gephi, yEd, Cytoscape or Datawrapper, with the act IRIs behind each edge.

    Example: graphkit export --format gexf --target CHN -o coalitions.gexf
    """
    filters = filters_from(kwargs)
    graph = build(data_dir, check=False).graph
    written, v = export_file(graph, output, fmt=fmt, view=view, filters=filters, table=table, seed=seed,
                             by_occasion=not by_act)
    for path in written:
        click.echo(f"wrote {path}", err=True)
