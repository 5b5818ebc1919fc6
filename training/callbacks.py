"""Training callbacks, loaded with ``--code`` by both stages of training/train.py.

``answerlint.numpy_blas_ops.v1`` (both configs' ``[nlp.before_creation]``) trains
with numpy's BLAS.  ``answerlint.restore_lemmatizer_labels.v1`` is for stage 2
(training/config-continue.cfg):

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


@spacy.registry.callbacks("answerlint.numpy_blas_ops.v1")
def numpy_blas_ops():
    """``[nlp.before_creation]``: build every model with thinc's NumpyOps using
    numpy's BLAS (OpenBLAS) for matrix products instead of blis.

    ``spacy train --gpu-id -1`` selects ``NumpyOps()`` (blis); on the 2-core
    machines we train on, OpenBLAS runs the tok2vec's products about 2x faster.
    The math is the same; only the speed (and float rounding order) differs.
    """
    from thinc.api import NumpyOps, set_current_ops

    def before_creation(lang_cls):
        set_current_ops(NumpyOps(use_blis=False))
        return lang_cls

    return before_creation
