"""Pictures and exports of the coalition graphs: offline interactive HTML, PNG/SVG, GEXF/GraphML/Cytoscape/CSV.

The pipeline, one function per stage::

    view_from_matrix(matrix, view, act)     -> View   (projection + blocs + centrality + sources)
    View.scene() / scene_from_graph(g)      -> Scene  (positions, colours, sizes, legend, tooltips)
    Scene.write_html(path)                  -> one self-contained HTML file (no network needed)
    Scene.write_image(path, "png"|"svg")    -> a static picture from the same layout
    write_chart(LineChart, path)            -> a line chart with bands (ideal points over time): PNG, SVG or offline HTML
    export_graph(view.graph, path, fmt)     -> GEXF (dynamic) / GraphML / Cytoscape JSON
    write_tables(view, path, table)         -> CSV tables for Datawrapper

In Jupyter a :class:`Scene` displays itself (``_repr_html_`` gives a sandboxed
``<iframe srcdoc>``).
"""
from .export import EXPORT_FORMATS, export_graph
from .html import html_document, notebook_html, write_html
from .lines import LineChart, LineSeries, write_chart
from .scene import Scene, layout_positions, scene_from_graph
from .static import IMAGE_FORMATS, write_image
from .tables import TABLES, write_tables
from .views import VIEWS, View, build_view, view_from_matrix

__all__ = [
    "build_view", "view_from_matrix", "View", "VIEWS",
    "Scene", "scene_from_graph", "layout_positions",
    "html_document", "write_html", "notebook_html", "write_image", "IMAGE_FORMATS",
    "export_graph", "EXPORT_FORMATS", "write_tables", "TABLES",
    "LineChart", "LineSeries", "write_chart",
]
