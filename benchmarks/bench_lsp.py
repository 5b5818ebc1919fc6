"""`answerlint server` as an editor meets it, on a 100-answer Markdown bank (tests/cachebanks.py).

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_lsp.py

Times, measured by an LSP client over stdio (pygls's): the server's start to the end of
``initialize``; ``didOpen`` to the first diagnostics (the pipeline loading while the editor opens
the file, as it does after ``initialized``); and ``didChange`` of one answer to the updated
diagnostics, with the debounce off (``--debounce 0``: the lint itself) and with the default
0.25 s pause. The server's cache is a fresh directory, as on a first day of use. Under a minute.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from cachebanks import bank  # noqa: E402

EDITS = 10


async def _session(tmp: Path, debounce: float) -> dict[str, object]:
    published: dict[str, asyncio.Future] = {}
    client = LanguageClient("bench", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams):
        future = published.pop(params.uri, None)
        if future is not None and not future.done():
            future.set_result(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params):
        return None

    async def next_diagnostics(uri: str) -> types.PublishDiagnosticsParams:
        published[uri] = asyncio.get_running_loop().create_future()
        return published[uri]

    path = tmp / f"bank-{debounce}.md"
    uri = path.as_uri()
    start = time.perf_counter()
    await client.start_io(sys.executable, "-m", "answerlint", "server", "--debounce", str(debounce),
                          "--cache-dir", str(tmp / f"cache-{debounce}"))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=tmp.as_uri()))
    client.initialized(types.InitializedParams())
    initialized = time.perf_counter() - start

    waiting = await next_diagnostics(uri)
    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=bank(100))))
    first = await waiting
    first_time = time.perf_counter() - start

    changes = []
    for n in range(EDITS):
        waiting = await next_diagnostics(uri)
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=n + 2),
            [types.TextDocumentContentChangeWholeDocument(text=bank(100, edited=40 + n))]))
        await waiting
        changes.append(time.perf_counter() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {"initialize": initialized, "first": first_time, "diagnostics": len(first.diagnostics),
            "changes": changes}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f} ms"


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bare = await _session(Path(tmp), 0.0)
        debounced = await _session(Path(tmp), 0.25)
    print(f"{'start to initialized':<40} {_ms(bare['initialize'])}")
    print(f"{'didOpen to first diagnostics':<40} {_ms(bare['first'])}  ({bare['diagnostics']} diagnostics)")
    for label, run in (("didChange, --debounce 0", bare), ("didChange, default debounce 0.25 s", debounced)):
        changes = run["changes"]
        print(f"{label + ', median':<40} {_ms(statistics.median(changes))}  (max {max(changes) * 1000:.0f} ms, "
              f"{len(changes)} edits of one answer)")


if __name__ == "__main__":
    asyncio.run(main())
