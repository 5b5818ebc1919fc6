"""spaCy pipeline components that ship with answerlint's bundled pipeline.

They are registered as spaCy factories when this package is imported, and through
the ``spacy_factories`` entry points in pyproject.toml, so ``spacy.load`` finds them
in any process where answerlint is installed.
"""

from answerlint.spacy_components.lemma_table import LemmaTable, make_lemma_table
from answerlint.spacy_components.quantities import QuantityRuler, make_quantity_ruler

__all__ = ["LemmaTable", "QuantityRuler", "make_lemma_table", "make_quantity_ruler"]
