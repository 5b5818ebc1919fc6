"""One BLAS thread while answerlint's pipeline computes, without touching the environment.

The pipeline's matrix products are thousands of tiny ones; OpenBLAS's thread pool spins on each
(about 45% of all CPU time on two cores) and two threads are no faster than one. Setting
``OPENBLAS_NUM_THREADS`` would change the user's environment (and every child process); instead
the limit is set through threadpoolctl for the duration of each pipeline call and the previous
number of threads is restored after it, so an editor server or a notebook that calls
:func:`answerlint.lint_text` keeps its own BLAS settings for its own work. Process-level
parallelism is ``--jobs`` (see parallel.py).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any, ContextManager

_controller: Any = None


def one_thread() -> ContextManager:
    """A context in which every loaded BLAS library (OpenBLAS, MKL, BLIS) runs one thread.
    The libraries are looked up once, at the first call: call it after the pipeline is loaded
    (spaCy has then loaded numpy and thinc their BLAS)."""
    global _controller
    if _controller is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:  # pragma: no cover - a dependency; without it, BLAS keeps its default
            return nullcontext()
        _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="blas")
