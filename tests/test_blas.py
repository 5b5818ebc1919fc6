"""The pipeline computes on one BLAS thread, set through threadpoolctl for each call, never through
the environment; the process's own BLAS setting is back after each call (checked in a fresh
interpreter without OPENBLAS_NUM_THREADS, so that BLAS starts with its default pool)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = r"""
import json, os
from spacy.language import Language
from threadpoolctl import threadpool_info

seen = []

@Language.component("record_blas")
def record_blas(doc):
    seen.extend(lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas")
    return doc

env_before = dict(os.environ)
from answerlint.nlpprovider import NlpProvider
provider = NlpProvider()
nlp = provider.full()
nlp.add_pipe("record_blas", last=True)
outside_before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
doc = provider.tag("I led a team of five engineers in 2023.")
parsed = provider.parse_span(doc[:])
outside_after = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

import answerlint
findings = answerlint.lint_text("I am a team player. In 2023 I led five engineers.", filename="bank.txt")
print(json.dumps({"inside": seen, "before": outside_before, "after": outside_after,
                  "after_lint": [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"],
                  "env_same": dict(os.environ) == env_before, "deps": len(parsed) > 0,
                  "findings": len(findings)}))
"""


def test_one_blas_thread_inside_pipeline_calls_environment_untouched():
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                                              "MKL_NUM_THREADS", "BLIS_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["inside"], "no BLAS library found in the process"
    assert set(got["inside"]) == {1}  # every BLAS library on one thread while the pipeline runs
    assert got["after"] == got["before"] == got["after_lint"]  # restored after each call
    if (os.cpu_count() or 1) > 1:
        assert max(got["before"]) > 1  # the default pool was there to be limited
    assert got["env_same"] is True
    assert "OPENBLAS_NUM_THREADS" not in env
    assert got["deps"] and got["findings"] > 0
