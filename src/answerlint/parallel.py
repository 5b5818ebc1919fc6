"""``--jobs``: the items of a run analysed by a pool of worker processes.

The costly part of a lint is per item (tagging, parsing, the item rules); each item's findings
and facts are independent of the other items, which is what the content cache already relies on.
So the items still to analyse (not in the cache) are cut into chunks, across files and within a
big file. ``--jobs N`` runs N-1 worker processes beside the main one: each worker builds one
Session (loading the pipeline once) and returns the cache entries of its chunks, while the main
process analyses chunks from the end of the list that no worker has started. The entries go to
:attr:`Session.prefilled`, and the main process then lints each bank as a single-process run
would, in the same order, reading them as it would read a warm cache. Bank-scope rules,
decisions, merging and output all run in the main process, so the output is byte-identical to
``--jobs 1``.

Workers are started with "spawn" (safe on every platform and with threads in the parent); a
worker that fails, or dies, leaves its items to the main process, which then reports what went
wrong exactly as a single-process run would.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from answerlint.runner import Options
    from answerlint.session import Session

# fewer items to analyse than this: a worker's start-up (about 3 s) costs more than it saves, so one
# process by default. Measured on 2 cores (cold, JSON): 300 answers 6.0 s with one process, 6.7 s
# with two; 600 answers 9.3 s against 8.1 s; 1,200 answers 15.3 s against 12.2 s.
SMALL_RUN = 400
MIN_CHUNK, MAX_CHUNK = 8, 200


@dataclass(frozen=True)
class Chunk:
    name: str  # the bank's display name (its path in the results)
    path: str
    data: bytes
    indices: tuple[int, ...]


def plan(session: "Session", files: Iterable[tuple[str, Path]], stage: str | None,
         pieces: int) -> list[Chunk]:
    """The items still to analyse in ``files``, in chunks of about equal size (``pieces`` of
    them at least, where there are enough items). Files that cannot be read are left out: the
    main process reports them as it lints them."""
    from answerlint import sourcefile
    from answerlint.readers import read_source

    pending: list[tuple[str, Path, bytes, list[int]]] = []
    for name, path in files:
        try:
            profile = session.profile_for(path)
            data = sourcefile.read(path).data
            bank = read_source(name, data, profile.settings.question_sections)
            where = {id(item): n for n, item in enumerate(bank.items)}
            todo = [where[id(item)] for item in session.pending(bank, profile, stage)]
        except Exception:  # noqa: BLE001 - reported by the main process's own lint of the file
            continue
        if todo:
            pending.append((name, path, data, todo))
    total = sum(len(todo) for *_, todo in pending)
    size = max(MIN_CHUNK, min(MAX_CHUNK, -(-total // max(1, pieces))))
    return [Chunk(name, str(path), data, tuple(todo[i:i + size]))
            for name, path, data, todo in pending for i in range(0, len(todo), size)]


def jobs_for(requested: int | None, items: int) -> int:
    """``--jobs N`` as given; by default the CPU count, but one process for a small run."""
    if requested is not None:
        return max(1, requested)
    return 1 if items < SMALL_RUN else max(1, os.cpu_count() or 1)


def prefill(session: "Session", options: "Options", chunks: list[Chunk], jobs: int,
            progress: Callable[[int], None] = lambda items: None) -> None:
    """Analyse ``chunks`` (in this process when ``jobs`` is 1, else in a pool) and leave their
    entries in ``session.prefilled``; ``progress`` is told the items of each finished chunk."""
    if not chunks:
        return
    if jobs <= 1:
        results = (_analyse(session, options, chunk) for chunk in chunks)
        _collect(session, chunks, results, progress)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(jobs - 1, len(chunks)), mp_context=context, initializer=_start_worker,
                             initargs=(options,)) as pool:
        futures = [pool.submit(_work, chunk) for chunk in chunks]
        # the main process is one of the N: it takes chunks from the end while no worker has
        # started them (a worker's start-up costs seconds that this process has already paid)
        last = len(chunks)
        while last > 0 and futures[last - 1].cancel():
            last -= 1
            _collect(session, [chunks[last]], [_analyse(session, options, chunks[last])], progress)
        _collect(session, chunks[:last], (_outcome(f) for f in futures[:last]), progress)


def _outcome(future):
    """A worker's answer; None if it died (killed, out of memory): the main process then
    analyses those items itself."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - BrokenProcessPool and anything a worker raised
        return None


def _collect(session: "Session", chunks: list[Chunk], results, progress) -> None:
    for chunk, found in zip(chunks, results):
        if found is not None:
            scheme, entries = found
            known = session.prefilled.setdefault(chunk.name, (scheme, {}))
            session.prefilled[chunk.name] = (known[0] or scheme, {**known[1], **entries})
        progress(len(chunk.indices))


def _analyse(session: "Session", options: "Options", chunk: Chunk):
    """(label scheme, item key -> entry) for the chunk's items; None if anything fails."""
    from answerlint.readers import read_source

    try:
        profile = session.profile_for(Path(chunk.path))
        key = (chunk.name, chunk.path, chunk.data, profile.settings.question_sections)
        if _last_bank[0] != key:  # the chunks of one file come one after the other: read it once
            _last_bank[:] = [key, read_source(chunk.name, chunk.data, profile.settings.question_sections)]
        bank = _last_bank[1]
        return session.item_entries(bank, profile, options.stage, options.scored, list(chunk.indices),
                                   options.metrics)
    except Exception:  # noqa: BLE001 - the main process lints these items itself and reports it
        return None


_worker: tuple["Session", "Options"] | None = None
_last_bank: list = [None, None]  # [(name, path, data, question sections), the bank read from them]


def _start_worker(options: "Options") -> None:
    global _worker
    from answerlint.runner import session_for

    _worker = (session_for(options), options)


def _work(chunk: Chunk):
    session, options = _worker
    return _analyse(session, options, chunk)
