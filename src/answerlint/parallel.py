"""``--jobs``: the items of a run analysed by a pool of worker processes.

The costly part of a lint is per item (tagging, parsing, the item rules); each item's findings
and facts are independent of the other items, which is what the content cache already relies on.
So the items still to analyse (not in the cache) are cut into chunks, across files and within a
big file. ``--jobs N`` runs N-1 worker processes beside the main one: each worker builds one
Session (loading the pipeline once) and returns the cache entries of its chunks. A thread of the
main process hands each worker one chunk at a time from the front of the list, while the main
process takes chunks from the back, so all finish within about one chunk of each other. Once
every chunk is in, the entries go to :attr:`Session.prefilled`, and the main process lints each
bank as a single-process run would, in the same order, from the bank it read while planning,
reading the entries as it would read a warm cache. Bank-scope rules, decisions, merging and
output all run in the main process, so the output is byte-identical to ``--jobs 1``.

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
    from answerlint.model import Bank
    from answerlint.runner import Options
    from answerlint.sourcefile import SourceFile
    from answerlint.session import Session

# fewer items to analyse than this: one process by default. A worker's start-up (spawn, spaCy,
# the pipeline, textstat, the rules compiled) costs about 4.5 s of CPU, while an item costs about
# 22 ms: on two idle cores a second process saves wall time from about 150-200 items, but at 400
# items it still costs 50% more CPU (12.4 s against 18.9 s, benchmarks/bench_jobs.py) for at most
# 2 s saved, and on a shared machine it saves nothing. See docs/performance.md.
SMALL_RUN = 400
MIN_CHUNK, MAX_CHUNK = 8, 200


@dataclass(frozen=True)
class Chunk:
    name: str  # the bank's display name (its path in the results)
    path: str
    data: bytes
    indices: tuple[int, ...]


@dataclass(frozen=True)
class Plan:
    chunks: list[Chunk]
    # display name -> (the file as read, the bank read from it): the main process lints these
    # rather than read each bank a second time
    read: dict[str, tuple["SourceFile", "Bank"]]

    @property
    def items(self) -> int:
        return sum(len(c.indices) for c in self.chunks)


def plan(session: "Session", files: Iterable[tuple[str, Path]], stage: str | None,
         pieces: int) -> Plan:
    """The items still to analyse in ``files``, in chunks of about equal size (``pieces`` of
    them at least, where there are enough items). Files that cannot be read are left out: the
    main process reports them as it lints them."""
    from answerlint import sourcefile
    from answerlint.readers import read_source

    pending: list[tuple[str, Path, bytes, list[int]]] = []
    read: dict[str, tuple] = {}
    for name, path in files:
        try:
            profile = session.profile_for(path)
            source = sourcefile.read(path)
            bank = read_source(name, source.data, profile.settings.question_sections)
            where = {id(item): n for n, item in enumerate(bank.items)}
            todo = [where[id(item)] for item in session.pending(bank, profile, stage)]
        except Exception:  # noqa: BLE001 - reported by the main process's own lint of the file
            continue
        read[name] = (source, bank)
        if todo:
            pending.append((name, path, source.data, todo))
    total = sum(len(todo) for *_, todo in pending)
    size = max(MIN_CHUNK, min(MAX_CHUNK, -(-total // max(1, pieces))))
    return Plan([Chunk(name, str(path), data, tuple(todo[i:i + size]))
                 for name, path, data, todo in pending for i in range(0, len(todo), size)], read)


def jobs_for(requested: int | None, items: int) -> int:
    """``--jobs N`` as given; by default the CPU count, but one process for a small run."""
    if requested is not None:
        return max(1, requested)
    return 1 if items < SMALL_RUN else max(1, os.cpu_count() or 1)


def prefill(session: "Session", options: "Options", planned: Plan, jobs: int,
            progress: Callable[[int], None] = lambda items: None) -> None:
    """Analyse the planned chunks (in this process when ``jobs`` is 1, else in a pool) and leave
    their entries in ``session.prefilled``; ``progress`` is told the items of each finished chunk."""
    chunks = planned.chunks
    if not chunks:
        return
    if jobs <= 1:
        results = []
        for chunk in chunks:
            results.append(_analyse(session, options, chunk, planned.read[chunk.name][1]))
            progress(len(chunk.indices))
        _collect(session, chunks, results)
        return
    import multiprocessing
    import queue
    import threading
    from concurrent.futures import ProcessPoolExecutor

    todo = _Todo(len(chunks))
    done: queue.SimpleQueue = queue.SimpleQueue()  # (chunk number, its result) from the workers
    results: list = [None] * len(chunks)
    context = multiprocessing.get_context("spawn")
    workers = min(jobs - 1, len(chunks))
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(options,))
    try:
        feeder = threading.Thread(target=_feed, args=(pool, chunks, todo, done, workers), daemon=True)
        feeder.start()
        # the main process is one of the N: it takes chunks from the end while the workers take
        # them from the front, one at a time each, so no one waits on a chunk queued ahead
        fed = False  # every worker's answer is in
        while (n := todo.take(front=False)) is not None:
            results[n] = _analyse(session, options, chunks[n], planned.read[chunks[n].name][1])
            progress(len(chunks[n].indices))
            fed = fed or _drain(done, results, chunks, progress, block=False)
        if not fed:
            _drain(done, results, chunks, progress, block=True)
        feeder.join()
    finally:
        todo.close()  # interrupted: no more chunks for the workers
        # the workers exit (freeing a pipeline takes a second or so) while this process lints
        pool.shutdown(wait=False, cancel_futures=True)
    _collect(session, chunks, results)


class _Todo:
    """The chunks not yet taken: workers take from the front, the main process from the back."""

    def __init__(self, count: int) -> None:
        import threading

        self._lock = threading.Lock()
        self._front, self._back = 0, count

    def close(self) -> None:
        with self._lock:
            self._front = self._back

    def take(self, front: bool) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            if front:
                self._front += 1
                return self._front - 1
            self._back -= 1
            return self._back


def _feed(pool, chunks: list[Chunk], todo: _Todo, done, workers: int) -> None:
    """In a thread of the main process: keep each worker busy with one chunk at a time and pass
    each answer on to ``done``; a None when every worker's chunk has come back."""
    from concurrent.futures import FIRST_COMPLETED, wait

    running: dict = {}
    broken = False

    def submit() -> None:
        nonlocal broken
        n = todo.take(front=True)
        if n is None:
            return
        try:
            running[pool.submit(_work, chunks[n])] = n
        except Exception:  # noqa: BLE001 - the pool is broken (a worker died): no more chunks for it
            broken = True
            done.put((n, None))

    try:
        for _ in range(workers):
            submit()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                done.put((running.pop(future), _outcome(future)))
                broken = broken or future.exception() is not None  # raised or died: no more for it
                if not broken:
                    submit()
    finally:
        done.put(None)


def _drain(done, results: list, chunks: list[Chunk], progress, block: bool) -> bool:
    """Take the workers' answers that have come in (with ``block``, all of them); True once
    the None that follows the last one is taken."""
    import queue

    while True:
        try:
            got = done.get(block=block)
        except queue.Empty:
            return False
        if got is None:
            return True
        n, results[n] = got
        progress(len(chunks[n].indices))


def _outcome(future):
    """A worker's answer; None if it died (killed, out of memory): the main process then
    analyses those items itself."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - BrokenProcessPool and anything a worker raised
        return None


def _collect(session: "Session", chunks: list[Chunk], results: list) -> None:
    """Each bank's entries, in the order of its chunks, to ``session.prefilled`` (a chunk whose
    result is None is left to the main process's lint)."""
    for chunk, found in zip(chunks, results):
        if found is not None:
            scheme, entries = found
            known = session.prefilled.setdefault(chunk.name, (scheme, {}))
            known[1].update(entries)
            session.prefilled[chunk.name] = (known[0] or scheme, known[1])


def _analyse(session: "Session", options: "Options", chunk: Chunk, bank: "Bank | None" = None):
    """(label scheme, item key -> entry) for the chunk's items, of ``bank`` (in a worker: read
    from the chunk's bytes); None if anything fails."""
    from answerlint.readers import read_source

    try:
        profile = session.profile_for(Path(chunk.path))
        if bank is None:
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
