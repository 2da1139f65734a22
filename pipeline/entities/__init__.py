"""Entity stage: company names, resolution of mentions into clusters, filters, name folding, propagation of mentions."""

from pipeline.entities.clusters import EntityCluster
from pipeline.entities.company_names import CompanyNames
from pipeline.entities.names import content_words, is_distinctive
from pipeline.entities.propagate import MentionPropagator
from pipeline.entities.resolver import EntityResolver

__all__ = ["CompanyNames", "EntityCluster", "EntityResolver", "MentionPropagator", "content_words", "is_distinctive"]
