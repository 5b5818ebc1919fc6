#!/usr/bin/env python
"""Build answerlint's bundled English pipeline (en_answerlint_ud) from UD English EWT.

One command, run from anywhere (paths are resolved from the repository root):

    python training/train.py

(stage 1 then stage 2; ``--no-continue`` reproduces the stage-1-only model)

Stages (each can be skipped, see --help):

1. convert  - CoNLL-U -> .spacy with ``spacy convert -c conllu -n N`` (N=5 sentences
              per doc for train, 10 for dev/test, so the parser learns sentence
              boundaries).  Output goes to
              training/corpus/ (gitignored).  Only EWT train is used for training,
              EWT dev for model selection; EWT test and GUM test are evaluation only.
2. train    - ``spacy train training/config.cfg --gpu-id -1 --code
              training/callbacks.py`` (bounded by max_steps; the callbacks
              file also makes training use numpy's BLAS, about 1.4x faster here)
              -> training/output/model-best.
   continue - stage 2: ``spacy train training/config-continue.cfg`` with every
              component sourced from stage 1's model-best (none frozen, lower
              learn rate, same data and score weights, ``--code
              training/callbacks.py``) -> training/output/continue/.
              ``--no-continue`` skips it (and packages stage 1's model-best).
3. package  - takes the last stage's model-best; makes the tokenizer keep
              punctuation runs and "e-mail" whole, as EWT does
              (training/tokenizer_rules.py); adds ``lemma_table`` (lemma corrections
              from EWT train's (form, tag) -> lemma counts) after the lemmatizer and
              the rule-based number/date ruler ``quantities`` (an entity ruler that
              matches only around trigger tokens; training/entity_patterns.py);
              writes meta/licence/README and saves a plain pipeline directory to
              src/answerlint/models/en_answerlint_ud/.  Both added components are
              answerlint's own spaCy factories (answerlint.spacy_components).
4. evaluate - ``spacy evaluate`` of the packaged pipeline on EWT test and GUM test
              (spaCy's own tokenization), results stored in the pipeline's meta.json
              ("performance" = EWT test, "answerlint_eval" = both test sets).

GUM (CC BY-NC-SA 4.0) is never used for training: only its test file is read, in
stage 4.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training"
CORPUS = TRAINING / "corpus"
OUTPUT = TRAINING / "output"
CONTINUE_OUTPUT = OUTPUT / "continue"
DEST = ROOT / "src" / "answerlint" / "models" / "en_answerlint_ud"
DATA = Path(os.environ.get("ANSWERLINT_UD_DATA", "/work/shared/data/ud-english"))

SOURCES = {
    "ewt-train": DATA / "ewt" / "en_ewt-ud-train.conllu",
    "ewt-dev": DATA / "ewt" / "en_ewt-ud-dev.conllu",
    "ewt-test": DATA / "ewt" / "en_ewt-ud-test.conllu",
    "gum-test": DATA / "gum" / "en_gum-ud-test.conllu",
}

PIPELINE_NAME = "answerlint_ud"  # spaCy prefixes the lang: en_answerlint_ud
PIPELINE_VERSION = "0.1.0"
SEED = 0

# Metrics copied from `spacy evaluate` into meta.json.
METRIC_KEYS = (
    "token_acc",
    "pos_acc",
    "tag_acc",
    "morph_acc",
    "dep_uas",
    "dep_las",
    "sents_p",
    "sents_r",
    "sents_f",
    "lemma_acc",
    "speed",
)

README = """\
# en_answerlint_ud

English spaCy {spacy_version} pipeline bundled with answerlint (version {version}).

Components: {components}.

* Trained by `python training/train.py` in the answerlint repository, on the
  **train** split of Universal Dependencies English EWT only (UD labels, PTB tags,
  UD features, EWT lemmas).  Model selection on EWT dev.
* The `quantities` ruler is rule-based (no statistical NER): CARDINAL, ORDINAL, PERCENT,
  MONEY, DATE, TIME and DURATION.
* Accuracy (spaCy tokenization, `spacy evaluate`) is stored in `meta.json`
  (`performance` = EWT test, `answerlint_eval` = EWT test and GUM test).

## Licence and credits

This model is derived from the Universal Dependencies English Web Treebank
(UD_English-EWT, https://github.com/UniversalDependencies/UD_English-EWT), which is
licensed under CC BY-SA 4.0; the model is therefore shared under the same licence,
**Creative Commons Attribution-ShareAlike 4.0 International**
(https://creativecommons.org/licenses/by-sa/4.0/).  See LICENSE.

The EWT texts come from the English Web Treebank (LDC2012T13).  Please cite:

    Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman,
    Miriam Connor, John Bauer and Christopher D. Manning. 2014.
    A Gold Standard Dependency Corpus for English. In Proceedings of the Ninth
    International Conference on Language Resources and Evaluation (LREC-2014).

GUM (CC BY-NC-SA 4.0) was used only to *evaluate* the model (its test set);
no GUM data was used for training and none is included here.
"""

LICENSE = """\
en_answerlint_ud - English spaCy pipeline bundled with answerlint

Copyright (c) the answerlint authors.

This model (all files in this directory) is licensed under the Creative Commons
Attribution-ShareAlike 4.0 International License (CC BY-SA 4.0):
https://creativecommons.org/licenses/by-sa/4.0/legalcode

It was trained on the Universal Dependencies English Web Treebank (UD_English-EWT),
(c) its authors, licensed under CC BY-SA 4.0:
https://github.com/UniversalDependencies/UD_English-EWT

Citation: Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel
Bowman, Miriam Connor, John Bauer and Christopher D. Manning. 2014. A Gold Standard
Dependency Corpus for English. In Proceedings of LREC-2014.

Changes: the treebank's train split was converted to spaCy's format and used to
train statistical models (no treebank text is distributed in this directory).
"""


def run(cmd: list[str]) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def corpus_file(key: str) -> Path:
    return CORPUS / f"{key}.spacy"


def convert(n_sents: int, n_sents_train: int) -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    for key, src in SOURCES.items():
        n = n_sents_train if key == "ewt-train" else n_sents
        if not src.exists():
            sys.exit(f"missing treebank file: {src}")
        tmp = CORPUS / "_tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        run([sys.executable, "-m", "spacy", "convert", src, tmp,
             "--converter", "conllu", "--n-sents", str(n),
             "--file-type", "spacy"])
        (out,) = tmp.glob("*.spacy")
        out.replace(corpus_file(key))
        shutil.rmtree(tmp)


def train(overrides: list[str], config: Path = TRAINING / "config.cfg",
          output: Path = OUTPUT) -> None:
    shutil.rmtree(output, ignore_errors=True)
    run([sys.executable, "-m", "spacy", "train", config,
         "--output", output, "--gpu-id", "-1",
         "--code", TRAINING / "callbacks.py",
         "--paths.train", corpus_file("ewt-train"),
         "--paths.dev", corpus_file("ewt-dev"),
         *overrides])


def train_continue(source: Path, overrides: list[str], output: Path = CONTINUE_OUTPUT) -> None:
    """Stage 2: resume training from stage 1's weights (training/config-continue.cfg)."""
    shutil.rmtree(output, ignore_errors=True)
    run([sys.executable, "-m", "spacy", "train", TRAINING / "config-continue.cfg",
         "--output", output, "--gpu-id", "-1",
         "--code", TRAINING / "callbacks.py",
         "--paths.source", source,
         "--paths.train", corpus_file("ewt-train"),
         "--paths.dev", corpus_file("ewt-dev"),
         *overrides])


def lemma_table_entries(nlp) -> list[tuple[str, str, str]]:
    """(form, tag, lemma): each form and tag's most frequent lemma in EWT train."""
    from collections import Counter, defaultdict

    from spacy.tokens import DocBin

    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for doc in DocBin().from_disk(corpus_file("ewt-train")).get_docs(nlp.vocab):
        for tok in doc:
            counts[(tok.text, tok.tag_)][tok.lemma_] += 1
    # most_common breaks ties by first occurrence: deterministic for a fixed corpus
    return [(text, tag, c.most_common(1)[0][0]) for (text, tag), c in sorted(counts.items())]


def package(source: Path, dest: Path = DEST) -> None:
    import spacy

    sys.path.insert(0, str(TRAINING))
    from entity_patterns import RULER_CONFIG, TRIGGER_WORDS, patterns

    import callbacks  # noqa: F401  (the trained configs name its callbacks)
    from tokenizer_rules import tune_tokenizer

    from answerlint.spacy_components.lemma_table import FACTORY as LEMMA_TABLE
    from answerlint.spacy_components.quantities import FACTORY, anchor_extents

    nlp = spacy.load(source)
    tune_tokenizer(nlp)
    # stage 2's after_init callback (training/callbacks.py) only matters
    # for training; don't ship a config that refers to an unregistered function
    if nlp._config.get("initialize", {}).get("after_init") is not None:
        nlp._config["initialize"]["after_init"] = None
    # nor the training-time BLAS choice (answerlint.nlp.load_pipeline makes its own)
    nlp._config["nlp"]["before_creation"] = None
    pats = patterns()
    left, right = anchor_extents(pats, TRIGGER_WORDS)
    ruler = nlp.add_pipe(FACTORY, name="quantities", last=True,
                         config={**RULER_CONFIG, "trigger_words": TRIGGER_WORDS,
                                 "left": left, "right": right})
    ruler.add_patterns(pats)
    # lemma corrections from EWT train, after the trainable lemmatizer
    table = nlp.add_pipe(LEMMA_TABLE, name="lemma_table", after="trainable_lemmatizer")
    table.set_table(lemma_table_entries(nlp))
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "description": "answerlint's bundled English pipeline: tagger, "
            "morphologizer, UD dependency parser and lemmatizer trained on "
            "UD English EWT, plus a rule-based number/date entity ruler.",
            "author": "answerlint",
            # spaCy pipelines are compatible within a minor version (3.8.x)
            "spacy_version": ">=3.8.0,<3.9.0",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                    "author": "Silveira et al. 2014 and the UD English EWT contributors",
                }
            ],
        }
    )
    shutil.rmtree(dest, ignore_errors=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    (dest / "LICENSE").write_text(LICENSE)
    (dest / "README.md").write_text(
        README.format(
            spacy_version=spacy.__version__,
            version=PIPELINE_VERSION,
            components=", ".join(nlp.pipe_names),
        )
    )
    print(f"packaged pipeline -> {dest}")


def evaluate(dest: Path = DEST, output: Path = OUTPUT) -> dict:
    results = {}
    for key in ("ewt-test", "gum-test"):
        out = output / f"eval-{key}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        run([sys.executable, "-m", "spacy", "evaluate", dest, corpus_file(key),
             "--output", out, "--gpu-id", "-1"])
        scores = json.loads(out.read_text())
        results[key.replace("-", "_")] = {
            k: round(float(scores[k]), 4) for k in METRIC_KEYS if scores.get(k) is not None
        }
    return results


def _max_steps(config: Path = TRAINING / "config.cfg") -> int:
    from spacy.util import load_config

    return int(load_config(config)["training"]["max_steps"])


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def write_meta(results: dict, timings: dict, dest: Path = DEST) -> None:
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text())
    ewt = results["ewt_test"]
    perf = {k: v for k, v in ewt.items() if k != "speed"}
    meta["performance"] = perf
    meta["answerlint_eval"] = {
        "tokenization": "spaCy (spacy evaluate, raw text aligned to gold)",
        "train_data": "UD English EWT train",
        "dev_data": "UD English EWT dev (model selection)",
        **results,
        "training": timings,
        "size_bytes": dir_size(dest),
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta["answerlint_eval"], indent=2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--skip-train", action="store_true",
                    help="package/evaluate an existing trained model (see --source)")
    ap.add_argument("--skip-stage1", action="store_true",
                    help="run only stage 2, from the existing training/output/model-best")
    ap.add_argument("--no-continue", action="store_true",
                    help="skip stage 2 (continued training, training/config-continue.cfg)")
    ap.add_argument("--continue-override", action="append", default=[],
                    metavar="OVERRIDE",
                    help="config override for stage 2, e.g. "
                    "--continue-override=--training.max_steps=800 (repeatable)")
    ap.add_argument("--source", type=Path, default=None,
                    help="trained pipeline to package (default: "
                    "training/output/continue/model-best, or training/output/model-best "
                    "with --no-continue)")
    ap.add_argument("--config", type=Path, default=None,
                    help="stage 1 config (default training/config.cfg)")
    ap.add_argument("--output", type=Path, default=None,
                    help="training output directory (default training/output; stage 2 "
                    "goes to its continue/ subdirectory)")
    ap.add_argument("--dest", type=Path, default=None,
                    help="where to package the pipeline (default: the bundled model, "
                    "src/answerlint/models/en_answerlint_ud; with --fast, "
                    "training/output/fast/packaged, so an experiment never replaces it)")
    ap.add_argument("--fast", action="store_true",
                    help="the faster configuration measured in docs/model.md: stage 1 only "
                    "with training/config-fast.cfg into training/output/fast (same as "
                    "--config training/config-fast.cfg --output training/output/fast "
                    "--no-continue)")
    ap.add_argument("--n-sents", type=int, default=10,
                    help="sentences per doc for dev/test (evaluation)")
    ap.add_argument("--n-sents-train", type=int, default=5,
                    help="sentences per doc for the training corpus (the parser's "
                    "oracle cost grows quadratically with doc length; 5 trains ~2x "
                    "faster than 10 and still teaches sentence boundaries)")
    ap.add_argument("overrides", nargs="*",
                    help="extra config overrides for spacy train, e.g. --training.max_steps=500"
                    " (put them after --)")
    args = ap.parse_args()
    if args.fast:
        args.no_continue = True
        args.config = args.config or TRAINING / "config-fast.cfg"
        args.output = args.output or OUTPUT / "fast"
        args.dest = args.dest or OUTPUT / "fast" / "packaged"
    config = (args.config or TRAINING / "config.cfg").resolve()
    output = (args.output or OUTPUT).resolve()
    continue_output = output / "continue"
    dest = (args.dest or DEST).resolve()
    timings: dict = {}
    t0 = time.time()
    if not args.skip_convert:
        convert(args.n_sents, args.n_sents_train)
        timings["convert_s"] = round(time.time() - t0)
    t1 = time.time()
    if not args.skip_train and not args.skip_stage1:
        train(args.overrides, config, output)
        timings["train_s"] = round(time.time() - t1)
        (output / "train_seconds.txt").write_text(str(timings["train_s"]))
    elif (output / "train_seconds.txt").exists():
        timings["train_s"] = int((output / "train_seconds.txt").read_text())
    timings["max_steps"] = _max_steps(config)
    if not args.no_continue:
        t15 = time.time()
        if not args.skip_train:
            train_continue(output / "model-best", args.continue_override, continue_output)
            timings["continue_train_s"] = round(time.time() - t15)
            (continue_output / "train_seconds.txt").write_text(
                str(timings["continue_train_s"]))
        elif (continue_output / "train_seconds.txt").exists():
            timings["continue_train_s"] = int(
                (continue_output / "train_seconds.txt").read_text())
        timings["continue_max_steps"] = _max_steps(TRAINING / "config-continue.cfg")
    if args.source is None:
        args.source = output / "model-best" if args.no_continue else continue_output / "model-best"
    t2 = time.time()
    package(args.source, dest)
    results = evaluate(dest, output)
    timings["package_evaluate_s"] = round(time.time() - t2)
    write_meta(results, timings, dest)
    size = dir_size(dest)
    print(f"pipeline size: {size / 1e6:.2f} MB")
    if size > 12_000_000:
        sys.exit("pipeline is larger than 12 MB")


if __name__ == "__main__":
    main()
