"""Callbacks for stage 2 (training/config-continue.cfg), loaded with ``--code``.

spaCy 3.8's ``EditTreeLemmatizer.from_disk`` restores the edit trees and the label
list but not the ``tree2label`` mapping that ``get_loss`` uses to turn a gold
lemma into a label (it is only built by ``initialize``, which is skipped for a
sourced component).  Without it every gold label becomes 0 and continued training
wrecks the lemmatizer (measured: EWT dev lemma 94.99 -> 76.14 after 200 steps).
This ``after_init`` callback rebuilds the mapping for every sourced lemmatizer.
"""

import spacy
from spacy.pipeline import EditTreeLemmatizer


@spacy.registry.callbacks("answerlint.restore_lemmatizer_labels.v1")
def restore_lemmatizer_labels():
    def after_init(nlp):
        # nlp.components: spacy train disables the resumed (sourced) components
        # while it runs nlp.initialize, so nlp.pipeline would not list them
        for name, pipe in nlp.components:
            if isinstance(pipe, EditTreeLemmatizer) and not pipe.tree2label:
                pipe.tree2label.update(
                    {tree: label for label, tree in enumerate(pipe.labels)}
                )
                print(f"restored {len(pipe.tree2label)} lemmatizer labels of {name!r}",
                      flush=True)
        return nlp

    return after_init
