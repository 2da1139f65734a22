"""Curated regulators, courts and laws (pipeline/data), their surface patterns and the matcher that finds them."""

from pipeline.gazetteer.district_offices import canonical_name, find_district_offices, is_district_id, same_office
from pipeline.gazetteer.entries import GazetteerEntry
from pipeline.gazetteer.matcher import GazetteerMatcher, build_gazetteer_component
from pipeline.gazetteer.store import Gazetteer, load_gazetteer, normalize_surface

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerMatcher",
    "build_gazetteer_component",
    "canonical_name",
    "find_district_offices",
    "is_district_id",
    "load_gazetteer",
    "normalize_surface",
    "same_office",
]
