"""The KB as RDF Turtle (rdflib): events and entities as resources, parties with Wikidata's properties.

Role properties are the KB's own (``npv:defendant`` ...), each declared ``owl:equivalentProperty`` to the
Wikidata property that means the same where one exists (P1591 defendant, P1620 plaintiff, P4884 court), so a
consumer may read them either way. Retired ids are exported apart (``what='redirects'``,
``dcterms:isReplacedBy``), since they record the KB's history, not its content. Every event is
``prov:wasDerivedFrom`` its source articles. No blank nodes: rdflib's serialiser sorts subjects and objects, so
the same KB gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from pipeline.kb.views import iter_entities, iter_events, iter_redirects

KB = Namespace("urn:newspipe:kb:")
NPV = Namespace("urn:newspipe:vocab#")
ARTICLE = Namespace("urn:newspipe:article:")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
#: KB role -> the Wikidata property it is declared equivalent to (None: no Wikidata property fits).
ROLE_PROPERTIES: dict[str, str | None] = {
    "defendant": "P1591",
    "plaintiff": "P1620",
    "court": "P4884",
    "claimant": None,
    "authority": None,
    "target": None,
    "law": None,
}
ENTITY_CLASSES = {
    "ORG": "Organization",
    "REGULATOR": "Regulator",
    "PUBLIC_BODY": "PublicBody",
    "COURT": "Court",
    "PERSON": "Person",
    "LAW": "Law",
    "GPE": "Place",
}
EVENT_CLASSES = {"FINE": "Fine", "LAWSUIT": "Lawsuit", "SETTLEMENT": "Settlement", "INVESTIGATION": "Investigation"}


def _kb(kb_id: str) -> URIRef:
    return KB[kb_id.replace(":", "-")]


def _vocabulary(graph: Graph) -> None:
    for role, prop in ROLE_PROPERTIES.items():
        graph.add((NPV[role], RDF.type, OWL.ObjectProperty))
        graph.add((NPV[role], RDFS.label, Literal(role)))
        if prop:
            graph.add((NPV[role], OWL.equivalentProperty, WDT[prop]))
    for cls in EVENT_CLASSES.values():
        graph.add((NPV[cls], RDFS.subClassOf, NPV.Event))


def build_graph(con: duckdb.DuckDBPyConnection, *, what: str = "all") -> Graph:
    """The RDF graph of the KB's events and/or entities."""
    graph = Graph()
    for prefix, namespace in (("kb", KB), ("npv", NPV), ("article", ARTICLE), ("wd", WD), ("wdt", WDT)):
        graph.bind(prefix, namespace)
    graph.bind("prov", PROV)
    graph.bind("dcterms", DCTERMS)
    _vocabulary(graph)
    if what in ("entities", "all"):
        for ent in iter_entities(con):
            node = _kb(ent["id"])
            graph.add((node, RDF.type, NPV[ENTITY_CLASSES.get(ent["type"], "Entity")]))
            graph.add((node, RDFS.label, Literal(ent["name"])))
            for alias in ent["aliases"]:
                graph.add((node, SKOS.altLabel, Literal(alias)))
            if ent["kb_id"]:
                graph.add((node, NPV.gazetteerId, Literal(ent["kb_id"])))
            if ent["wikidata"]:
                graph.add((node, OWL.sameAs, WD[ent["wikidata"]]))
            graph.add((node, NPV.articleCount, Literal(ent["articles"], datatype=XSD.integer)))
    if what == "redirects":
        for redirect in iter_redirects(con):
            if redirect["redirect"]:
                graph.add((_kb(redirect["id"]), DCTERMS.isReplacedBy, _kb(redirect["redirect"])))
    if what in ("events", "all"):
        for event in iter_events(con):
            node = _kb(event["id"])
            graph.add((node, RDF.type, NPV[EVENT_CLASSES[event["type"]]]))
            if event["status"]:
                graph.add((node, NPV.status, Literal(event["status"])))
            if event["date"]:
                graph.add((node, DCTERMS.date, Literal(event["date"])))
            for role, fillers in event["roles"].items():
                for filler in fillers:
                    graph.add((node, NPV[role], _kb(filler["entity"])))
            if event["amount"]:
                graph.add((node, NPV.amount, Literal(event["amount"]["value"], datatype=XSD.double)))
                graph.add((node, NPV.currency, Literal(event["amount"]["currency"])))
            graph.add((node, NPV.confidence, Literal(event["confidence"], datatype=XSD.double)))
            for source in event["sources"]:
                article = ARTICLE[source["article"]]
                graph.add((node, PROV.wasDerivedFrom, article))
                if source["published"]:
                    graph.add((article, DCTERMS.issued, Literal(source["published"])))
            for link in event["related"]:
                graph.add((node, NPV[link["relation"]], _kb(link["event"])))
    return graph


def write_turtle(con: duckdb.DuckDBPyConnection, path: Path, *, what: str = "all") -> dict[str, int]:
    """Serialise the graph to ``path``; returns the number of triples."""
    graph = build_graph(con, what=what)
    path.write_bytes(graph.serialize(format="turtle", encoding="utf-8"))
    return {"triples": len(graph)}
