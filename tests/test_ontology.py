"""The ontology documents itself and the shapes speak to researchers."""
from __future__ import annotations

import pytest
from rdflib import BNode, Literal
from rdflib.namespace import OWL, RDF, RDFS, SH

from graphkit.graph.loading import load_ontology
from graphkit.namespaces import GK
from graphkit.graph.validation import load_shapes

ONTOLOGY = load_ontology()
TERMS = sorted({s for c in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in ONTOLOGY.subjects(RDF.type, c) if str(s).startswith(str(GK))})


def test_ontology_has_terms():
    assert len(TERMS) > 60


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.split("#")[-1])
def test_term_has_english_and_french_label_and_a_comment(term):
    langs = {l.language for l in ONTOLOGY.objects(term, RDFS.label) if isinstance(l, Literal)}
    assert {"en", "fr"} <= langs, f"{term} needs rdfs:label in en and fr"
    assert any(str(c).strip() for c in ONTOLOGY.objects(term, RDFS.comment)), f"{term} needs rdfs:comment"


def test_every_constraint_has_a_message():
    shapes = load_shapes()
    constrained = set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.sparql))
    assert constrained
    for node in constrained:
        assert shapes.value(node, SH.message) is not None, f"constraint {node} has no sh:message"
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.comment) is not None, f"{shape} needs an rdfs:comment"


def test_every_class_has_a_shape():
    shapes = load_shapes()
    targeted = set(shapes.objects(None, SH.targetClass))
    central = {GK.State, GK.Act, GK.Position, GK.SignatoryList, GK.ReportedCount, GK.ReportedDate,
               GK.Claim, GK.Membership, GK.Source, GK.Evidence, GK.Person, GK.Organisation, GK.Topic, GK.Occasion}
    assert central <= targeted
