"""Loading answerlint's spaCy pipeline.

answerlint ships its own English pipeline, ``en_answerlint_ud`` (a plain spaCy
pipeline directory under ``answerlint/models/``), trained on UD English EWT by
``training/train.py``.  Its dependency labels follow Universal Dependencies
(nsubj, obj, obl, cop, ...), which differ from spaCy's en_core_web_* pipelines
(ClearNLP labels: dobj, pobj, attr, ...); :func:`label_scheme` tells them apart so
rules can adapt.

spaCy is imported lazily, inside the functions, so importing this module is cheap
and does not require spaCy.  Nothing here touches the network.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = [
    "BUNDLED",
    "PipelineError",
    "bundled_path",
    "label_scheme",
    "load_pipeline",
    "pipeline_info",
]

BUNDLED = "en_answerlint_ud"
_BUNDLED_ALIASES = (None, "", "bundled", BUNDLED)


def is_bundled(name_or_path) -> bool:
    """Does this --model / `model` value mean the bundled pipeline?"""
    return name_or_path in _BUNDLED_ALIASES

# Labels that only one of the two schemes uses.
_UD_ONLY = frozenset({"obj", "obl", "cop", "nmod:poss", "acl:relcl", "compound:prt",
                      "nsubj:pass", "aux:pass", "flat", "fixed", "obl:tmod",
                      "obl:npmod", "nmod:tmod", "det:predet", "orphan", "goeswith",
                      "reparandum", "list", "csubj:pass", "vocative", "discourse"})
_CLEAR_ONLY = frozenset({"dobj", "pobj", "attr", "nsubjpass", "auxpass", "prt", "poss",
                         "relcl", "acomp", "pcomp", "npadvmod", "quantmod", "neg",
                         "dative", "agent", "oprd", "intj", "predet", "preconj",
                         "csubjpass", "meta"})

# meta.json keys -> names shown by pipeline_info()["accuracy"][...]
_ACCURACY_KEYS = {
    "pos_acc": "UPOS",
    "tag_acc": "TAG",
    "morph_acc": "morph",
    "dep_las": "LAS",
    "dep_uas": "UAS",
    "lemma_acc": "lemma",
    "sents_f": "sentence_F",
}


class PipelineError(Exception):
    """A spaCy pipeline could not be loaded."""


def bundled_path() -> Path:
    """Directory of the bundled ``en_answerlint_ud`` pipeline (inside the package)."""
    res = importlib.resources.files("answerlint") / "models" / BUNDLED
    # The package is installed as regular files (wheel / sdist / editable), so the
    # traversable is a real directory; Path() makes it usable by spacy.load().
    return Path(str(res))


def load_pipeline(
    name_or_path: str | Path | None = None, *, exclude: tuple[str, ...] = ()
) -> Language:
    """Load a spaCy pipeline.

    ``None``, ``"bundled"`` or ``"en_answerlint_ud"`` load the bundled pipeline;
    anything else is passed to :func:`spacy.load` (an installed pipeline package
    such as ``en_core_web_sm``, or a pipeline directory).  ``exclude`` lists
    components not to load (e.g. ``("parser",)`` for faster tagging only).

    Raises :class:`PipelineError` with a one-line message if it cannot be loaded.
    """
    exclude = tuple(exclude)
    bundled = is_bundled(name_or_path)
    label = BUNDLED if bundled else str(name_or_path)
    try:
        import spacy
        from spacy import util
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise PipelineError(f"cannot load spaCy pipeline {label!r}: spaCy is not installed ({exc})") from None

    if bundled:
        target: str | Path = bundled_path()
        if not (Path(target) / "config.cfg").is_file():
            raise PipelineError(
                f"cannot load spaCy pipeline {label!r}: bundled model files are missing "
                f"(expected {target}/config.cfg)"
            )
    else:
        target = name_or_path  # type: ignore[assignment]
        path = Path(str(target)).expanduser()
        if path.exists():
            if not path.is_dir() or not (path / "config.cfg").is_file():
                raise PipelineError(
                    f"cannot load spaCy pipeline {label!r}: {path} is not a spaCy pipeline "
                    "directory (no config.cfg)"
                )
            target = path
        elif not util.is_package(str(target)):
            raise PipelineError(
                f"cannot load spaCy pipeline {label!r}: no installed package or directory "
                "of that name"
            )
    try:
        import answerlint.spacy_components  # noqa: F401  (the bundled pipeline's factories)
        from thinc.api import use_ops

        # numpy's BLAS (OpenBLAS) runs the tok2vec's matrix products about 2x faster
        # than blis (thinc's default); the models are built with it while loading
        with use_ops("numpy", use_blis=False):
            return spacy.load(target, exclude=list(exclude))
    except Exception as exc:  # spaCy raises OSError/ValueError/KeyError/...
        msg = " ".join(str(exc).split())
        if len(msg) > 300:
            msg = msg[:297] + "..."
        raise PipelineError(f"cannot load spaCy pipeline {label!r}: {msg}") from exc


def _parser_labels(nlp: Language) -> set[str]:
    for name, pipe in nlp.pipeline:
        if getattr(pipe, "factory_name", name) in ("parser", "beam_parser") or name == "parser":
            try:
                return set(pipe.labels)
            except Exception:  # pragma: no cover - defensive
                return set()
    return set()


def label_scheme(nlp: Language) -> str:
    """Dependency label scheme of ``nlp``'s parser.

    Returns ``"ud"`` (Universal Dependencies: nsubj, obj, obl, cop, ...),
    ``"clearnlp"`` (spaCy's en_core_web_* models: dobj, pobj, attr, ...),
    ``"none"`` if there is no parser, else ``"unknown"``.
    """
    has_parser = any(
        getattr(pipe, "factory_name", name) in ("parser", "beam_parser")
        for name, pipe in nlp.pipeline
    ) or "parser" in nlp.pipe_names
    if not has_parser:
        return "none"
    labels = _parser_labels(nlp)
    ud = len(labels & _UD_ONLY)
    clear = len(labels & _CLEAR_ONLY)
    if ud >= 3 and ud > clear:
        return "ud"
    if clear >= 3 and clear > ud:
        return "clearnlp"
    return "unknown"


def _accuracy(meta: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Accuracy figures from meta.json, as percentages, per evaluation set."""

    def pick(scores: dict[str, Any]) -> dict[str, float]:
        out = {}
        for key, name in _ACCURACY_KEYS.items():
            value = scores.get(key)
            if isinstance(value, (int, float)):
                out[name] = round(value * 100 if value <= 1 else value, 2)
        return out

    result: dict[str, dict[str, float]] = {}
    custom = meta.get("answerlint_eval")
    if isinstance(custom, dict):
        for key, label in (("ewt_test", "ewt_test"), ("gum_test", "gum_test")):
            if isinstance(custom.get(key), dict):
                scores = pick(custom[key])
                if scores:
                    result[label] = scores
    if "ewt_test" not in result and isinstance(meta.get("performance"), dict):
        scores = pick(meta["performance"])
        if scores:
            # Third-party pipelines: their own test set, whatever it is.
            result["ewt_test" if meta.get("answerlint_eval") else "reported"] = scores
    return result


def pipeline_info(nlp: Language) -> dict[str, Any]:
    """Describe a loaded pipeline (for ``answerlint --version``-style output).

    Keys: name, version, path, lang, components, label_scheme, spacy_version,
    accuracy (``{"ewt_test": {"UPOS": ..., "TAG": ..., "LAS": ..., "UAS": ...,
    "lemma": ..., "sentence_F": ..., "morph": ...}, "gum_test": {...}}`` as
    percentages, when the pipeline's meta.json has them).
    """
    import spacy

    meta = dict(nlp.meta or {})
    path = getattr(nlp, "_path", None)  # set by spacy.load / Language.from_disk
    lang = meta.get("lang") or nlp.lang
    name = meta.get("name") or ""
    full_name = f"{lang}_{name}" if name and not name.startswith(f"{lang}_") else name
    return {
        "name": full_name,
        "version": meta.get("version", ""),
        "path": str(path) if path is not None else None,
        "lang": lang,
        "components": list(nlp.pipe_names),
        "label_scheme": label_scheme(nlp),
        "spacy_version": spacy.__version__,
        "pipeline_spacy_version": meta.get("spacy_version", ""),
        "accuracy": _accuracy(meta),
    }
