"""aikg: a knowledge graph of AI policy and industry, with provenance down to the text span."""

__version__ = "0.1.0"
