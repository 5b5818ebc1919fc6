"""The language server: pygls wiring around one :class:`answerlint.Session`.

Every lint runs on one worker thread (a Session is not thread-safe), so the pipeline loads once
and requests never wait on it; through the Session's cache of findings, an edit re-analyses only
the answers it changed. Diagnostics are published on open and save at once, and on change after
a short pause in typing (``debounce``); a result for a version the editor has since changed is
dropped. Hover and code actions read the last result of the document's current version.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from answerlint import __version__
from answerlint.config import CONFIG_FILES
from answerlint.engine import FileResult, Profile
from answerlint.errors import AnswerlintError
from answerlint.lsp import actions
from answerlint.lsp.positions import UTF16, PositionMap
from answerlint.model import Finding
from answerlint.readers import READERS, read_bank
from answerlint.session import Session

log = logging.getLogger("answerlint.lsp")

DEBOUNCE = 0.25  # seconds without typing before a changed document is linted
SOURCE = "answerlint"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
CONFIG_NAMES = frozenset(CONFIG_FILES) | {"pyproject.toml"}
# a document without a file path (an unsaved buffer) is read by the format its language says
UNTITLED_SUFFIX = {"markdown": ".md", "yaml": ".yaml", "json": ".json", "plaintext": ".txt"}


def is_bank(name: str) -> bool:
    """Files ``answerlint check`` would lint in a directory: a known extension, not hidden
    (``.answerlint.yaml`` is a configuration, not a bank)."""
    path = PurePath(name)
    return path.suffix.lower() in READERS and not path.name.startswith(".")


@dataclass
class Linted:
    """The lint of one version of a document."""

    version: int | None
    name: str  # the path answerlint saw: it picks the reader and the configuration
    positions: PositionMap
    result: FileResult
    profile: Profile | None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    found: list[tuple[Finding, types.Range]] = field(default_factory=list)


class AnswerlintServer(LanguageServer):
    def __init__(self, session: Session | None = None, debounce: float = DEBOUNCE, cache=False) -> None:
        super().__init__("answerlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self._session = session
        self._session_lock = threading.Lock()
        self.cache = cache
        self._docs_tmp: Path | None = None
        self.debounce = debounce
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="answerlint-lint")
        self.linted: dict[str, Linted] = {}
        self.languages: dict[str, str] = {}  # uri -> languageId, for documents without a path
        self._pending: dict[str, asyncio.Task] = {}

    @property
    def session(self) -> Session:
        with self._session_lock:  # created on first use (cheap: the pipeline loads on first lint)
            if self._session is None:
                self._session = Session(cache=self.cache)
            return self._session

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    # -- linting ----------------------------------------------------------------------------

    def document_name(self, uri: str) -> str:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        suffix = UNTITLED_SUFFIX.get(self.languages.get(uri, ""), ".md")
        return str(Path.cwd() / f"untitled{suffix}")

    def lint_document(self, uri: str, text: str, version: int | None, encoding: str) -> Linted:
        """Lint one version of a document (on the worker thread)."""
        name = self.document_name(uri)
        positions = PositionMap(text, encoding)
        session = self.session
        if not text.strip() or not is_bank(name):  # an empty buffer, a configuration file, ...
            return Linted(version, name, positions, FileResult(name), None)
        result = session.lint_file(name, None, text.encode("utf-8", "surrogatepass"))
        profile = None
        if result.error is None:
            try:
                profile = session.profile_for(Path(name).absolute())
            except AnswerlintError:  # pragma: no cover - lint_file has just read it
                pass
        linted = Linted(version, name, positions, result, profile)
        if result.error is not None:
            linted.diagnostics.append(self.error_diagnostic(linted))
        for finding in result.findings:
            rng = self.range_of(positions, finding)
            linted.found.append((finding, rng))
            linted.diagnostics.append(self.diagnostic(finding, rng, profile, self.docs_directory(profile)))
        return linted

    @staticmethod
    def range_of(positions: PositionMap, finding: Finding) -> types.Range:
        start = positions.position(finding.line, finding.column)
        end = positions.position(finding.end_line, finding.end_column)
        return types.Range(types.Position(*start), types.Position(*end))

    def docs_directory(self, profile: Profile | None) -> Path | None:
        """Where rule pages for diagnostics' links go: the cache directory, or without a cache a
        private temporary directory of this server's, removed when it exits."""
        cache = self.session.cache_for(profile.settings) if profile is not None else None
        if cache is not None:
            return cache.directory
        if self._docs_tmp is None:
            import atexit
            import shutil
            import tempfile

            self._docs_tmp = Path(tempfile.mkdtemp(prefix="answerlint-rules-"))  # mode 0700
            atexit.register(shutil.rmtree, self._docs_tmp, True)
        return self._docs_tmp

    @staticmethod
    def diagnostic(finding: Finding, rng: types.Range, profile: Profile | None,
                   docs: Path | None = None) -> types.Diagnostic:
        from answerlint.lsp.ruledoc import doc_uri

        rule = profile.rules.get(finding.rule) if profile is not None else None
        href = doc_uri(rule, docs) if rule is not None else None
        link = types.CodeDescription(href=href) if href else None
        return types.Diagnostic(range=rng, message=finding.message, severity=SEVERITY[finding.severity],
                                code=finding.rule, code_description=link, source=SOURCE)

    @staticmethod
    def error_diagnostic(linted: Linted) -> types.Diagnostic:
        """An unreadable bank (or configuration) as one error: at its line in the bank, else on
        the first line, naming the configuration file when that is where the problem is."""
        error = linted.result.error
        message = error.problem
        line, column = 1, 1
        if error.path in (None, linted.name):
            line, column = error.line or 1, error.column or 1
        else:
            message = str(error)
        start = linted.positions.position(line, column)
        end = linted.positions.line_end(line)
        if end <= start:
            end = start
        return types.Diagnostic(range=types.Range(types.Position(*start), types.Position(*end)),
                                message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE)

    async def relint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        try:
            linted = await loop.run_in_executor(self.worker, self.lint_document, uri, text, version, self.encoding)
        except Exception as exc:  # a bug in answerlint: say so, keep serving
            log.exception("linting %s failed", uri)
            self.window_log_message(types.LogMessageParams(types.MessageType.Error,
                                                           f"answerlint: internal error: {type(exc).__name__}: {exc}"))
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # closed or edited meanwhile: a newer lint is on its way
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=linted.diagnostics))

    def schedule(self, uri: str, delay: float) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

        async def later():
            if delay:
                await asyncio.sleep(delay)
            await self.relint(uri)

        task = asyncio.ensure_future(later())
        self._pending[uri] = task
        task.add_done_callback(lambda t: self._pending.pop(uri, None) if self._pending.get(uri) is t else None)

    async def reload_configuration(self) -> None:
        """A configuration file changed: read configurations afresh and re-lint open documents."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.worker, self.session.reload_configuration)
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    def current(self, uri: str) -> Linted | None:
        """The last lint of the document, if it is of the version the editor holds."""
        linted = self.linted.get(uri)
        document = self.workspace.text_documents.get(uri)
        if linted is None or document is None or document.version != linted.version:
            return None
        return linted

    def reread(self, linted: Linted):
        sections = linted.profile.settings.question_sections if linted.profile else ()
        return lambda text: read_bank(linted.name, text, sections)


server = AnswerlintServer()


@server.feature(types.INITIALIZED)
def initialized(ls: AnswerlintServer, params: types.InitializedParams) -> None:
    watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in sorted(CONFIG_NAMES)]
        ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="answerlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
    # load the pipeline now, while the editor is still opening files
    ls.worker.submit(lambda: ls.session.lint_text("Warm-up answer.\n", str(Path.cwd() / "warm-up.txt")))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: AnswerlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.languages[params.text_document.uri] = params.text_document.language_id
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: AnswerlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: AnswerlintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if PurePath(ls.document_name(uri)).name in CONFIG_NAMES:
        await ls.reload_configuration()
    else:
        ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: AnswerlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls._pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.linted.pop(uri, None)
    ls.languages.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched_files(ls: AnswerlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(PurePath(to_fs_path(change.uri) or change.uri).name in CONFIG_NAMES for change in params.changes):
        await ls.reload_configuration()


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position):
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix,
                                                           types.CodeActionKind.RefactorRewrite]))
def code_actions(ls: AnswerlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = ls.current(uri)
    if linted is None or linted.result.bank is None:
        return []
    bank, reread = linted.result.bank, ls.reread(linted)
    out: list[types.CodeAction] = []
    for finding, rng in linted.found:
        if not _overlaps(rng, params.range):
            continue
        diagnostic = ls.diagnostic(finding, rng, linted.profile)
        for edit, preferred in ((actions.quick_fix(bank, finding, reread), True),
                                (actions.suppression(bank, finding, reread), False)):
            if edit is None:
                continue
            out.append(types.CodeAction(title=edit.title, kind=types.CodeActionKind.QuickFix,
                                        diagnostics=[diagnostic], is_preferred=preferred or None,
                                        edit=types.WorkspaceEdit(changes={uri: [_text_edit(linted, edit)]})))
        edit = actions.rewrite(bank, finding, reread)
        if edit is not None:
            out.append(types.CodeAction(title=edit.title, kind=types.CodeActionKind.RefactorRewrite,
                                        diagnostics=[diagnostic], edit=_rewrite_edit(ls, linted, uri, edit)))
    return out


def _text_edit(linted: Linted, edit: actions.Edit) -> types.TextEdit:
    start, end = linted.positions.offset(edit.start), linted.positions.offset(edit.end)
    return types.TextEdit(range=types.Range(types.Position(*start), types.Position(*end)), new_text=edit.text)


def takes_snippets(capabilities: types.ClientCapabilities) -> bool:
    """Does the client accept snippet edits in a workspace edit (LSP 3.18
    ``workspace.workspaceEdit.snippetEditSupport``; they travel in ``documentChanges``)?"""
    workspace_edit = capabilities.workspace.workspace_edit if capabilities.workspace else None
    return bool(workspace_edit and workspace_edit.snippet_edit_support and workspace_edit.document_changes)


def _rewrite_edit(ls: AnswerlintServer, linted: Linted, uri: str, edit: actions.Edit) -> types.WorkspaceEdit:
    """The rewrite with its placeholders as tabstops where the client takes snippets, else as
    plain text (the ``<placeholders>`` left for the user to replace)."""
    plain = _text_edit(linted, edit)
    if not takes_snippets(ls.client_capabilities):
        return types.WorkspaceEdit(changes={uri: [plain]})
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=linted.version)
    edits = [types.SnippetTextEdit(range=plain.range, snippet=types.StringValue(actions.snippet(edit.text)))]
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: AnswerlintServer, params: types.HoverParams) -> types.Hover | None:
    from answerlint.ruledocs import explain

    linted = ls.current(params.text_document.uri)
    if linted is None:
        return None
    at = types.Range(params.position, params.position)
    here = [(f, r) for f, r in linted.found if _overlaps(r, at)]
    if not here:
        return None
    here.sort(key=lambda fr: (fr[1].end.line - fr[1].start.line, fr[1].end.character - fr[1].start.character))
    parts = []
    for finding, _ in here:
        lines = [f"{finding.severity}: {finding.message} [{finding.rule}]"]
        lines += [f"Suggestion: {s.text}" for s in finding.suggestions]
        rule = linted.profile.rules.get(finding.rule) if linted.profile else None
        if rule is not None:
            lines += ["", explain(rule).rstrip()]
        parts.append("\n".join(lines))
    first = here[0][1]
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.PlainText,
                                                    value="\n\n----\n\n".join(parts)),
                       range=first if len(here) == 1 else None)


def main(cache=True, debounce: float = DEBOUNCE) -> None:
    """Serve on standard input and output. ``cache`` as for :class:`Session`: by default the
    cache ``answerlint check`` uses, so re-linting an edited answer re-analyses only that answer."""
    logging.basicConfig(level=logging.WARNING, format="answerlint server: %(message)s")
    server.cache, server.debounce = cache, debounce
    server.start_io()
