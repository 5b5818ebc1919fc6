"""`answerlint server` end to end: a real LSP client (pytest-lsp) over stdio.

One server per module (the pipeline loads once); every test opens its own document, which need not
exist on disk: the server lints the editor's text, read by its URI's extension, with the
configuration found from its directory (a `.answerlint.yaml` written here, with a user pack whose
rule has a `link`).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls.lsp.server")  # pygls 2 (1.x had pygls.server.LanguageServer only)
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pygls.uris import to_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from answerlint.lsp.positions import UTF8, UTF16, UTF32, PositionMap, units  # noqa: E402

lsp = pytest.mark.asyncio(loop_scope="module")  # one client and server for the module

PACK = """\
pack: mine
description: A team's own rules.
rules:
  - id: synergy
    kind: phrase
    severity: error
    summary: Says "synergy".
    rationale: Nobody can picture a synergy; say what the two teams did together.
    message: "'{match}' again: {advice}"
    link: https://example.org/rules/synergy
    options:
      advice: Say what was combined.
      phrases: [synergy]
    examples:
      flag: [We found synergy.]
      pass: [We merged the two teams.]
"""

CONFIG = """\
select: [buzzwords/corporate-jargon, generalities/fillers, mine]
packs: [packs]
"""

BANK = """\
# Interview answers

## Tell me about yourself

I like to think outside the box when I plan a project.
"""

JARGON = "'think outside the box' is corporate jargon: Describe the unusual idea itself and why the usual approach would not have worked."


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lsp")
    (root / "packs").mkdir()
    (root / "packs" / "mine.yaml").write_text(PACK, encoding="utf-8")
    (root / ".answerlint.yaml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest_lsp.fixture(scope="module",
                    config=ClientServerConfig(server_command=[sys.executable, "-m", "answerlint", "server"]))
async def client(lsp_client: LanguageClient, workspace: Path):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):  # pytest-lsp's client has no handler of its own
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="banks")]))
    yield
    await lsp_client.shutdown_session()


_versions: dict[str, int] = {}


async def _diagnostics(client: LanguageClient, uri: str, timeout: float = 30) -> list[types.Diagnostic]:
    """The next diagnostics published for ``uri``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while uri not in client.diagnostics:
        if loop.time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} within {timeout} s")
        await asyncio.sleep(0.01)
    return list(client.diagnostics.pop(uri))


async def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown"):
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    _versions[uri] = 1
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri, await _diagnostics(client, uri)


async def _change(client: LanguageClient, uri: str, text: str) -> list[types.Diagnostic]:
    client.diagnostics.pop(uri, None)
    _versions[uri] += 1
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await _diagnostics(client, uri)


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``."""
    lines = text.splitlines(keepends=True)

    def offset(p: types.Position) -> int:
        line = lines[p.line] if p.line < len(lines) else ""
        before = sum(len(x) for x in lines[:p.line])
        count = 0
        for i, ch in enumerate(line):
            if count >= p.character:
                return before + i
            count += 2 if ord(ch) > 0xFFFF else 1
        return before + len(line.rstrip("\r\n"))

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


def _rng(line: int, start: int, end_line: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(end_line, end))


@lsp
async def test_open_publishes_exact_diagnostic(client: LanguageClient, workspace: Path):
    uri, found = await _open(client, workspace / "unsaved.md", BANK)
    assert len(found) == 1
    d = found[0]
    assert d.range == _rng(4, 10, 4, 31)  # answerlint's 5:11-5:32, 0-based
    assert (d.code, d.severity, d.source, d.message) == (
        "buzzwords/corporate-jargon", types.DiagnosticSeverity.Warning, "answerlint", JARGON)
    # a bundled rule has no web page: the link is its `answerlint rule` text, written in the cache
    # directory (in the tests, which run without a cache, the server's private temporary directory)
    page = Path(to_fs_path(d.code_description.href))
    assert page.parent.name == "rules" and page.parent.parent.name.startswith("answerlint-rules-")
    assert page.name.startswith("buzzwords.corporate-jargon-") and page.suffix == ".md"
    assert page.read_text(encoding="utf-8").startswith("# buzzwords/corporate-jargon\n\n```text\nbuzzwords/corporate-jargon\n")


@lsp
async def test_change_updates_diagnostics_of_unsaved_text(client: LanguageClient, workspace: Path):
    uri, found = await _open(client, workspace / "edited.md", BANK)
    assert [d.code for d in found] == ["buzzwords/corporate-jargon"]
    found = await _change(client, uri, BANK.replace("think outside the box", "plan ahead") + "\nWe had synergy.\n")
    assert [(d.code, d.range, d.severity, d.message) for d in found] == [
        ("mine/synergy", _rng(6, 7, 6, 14), types.DiagnosticSeverity.Error,
         "'synergy' again: Say what was combined.")]
    assert found[0].code_description == types.CodeDescription(href="https://example.org/rules/synergy")
    assert await _change(client, uri, BANK.replace("think outside the box", "plan ahead")) == []


@lsp
async def test_untitled_buffer_is_read_by_its_language(client: LanguageClient):
    uri = "untitled:Untitled-1"
    _versions[uri] = 1
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="yaml", version=1,
                               text="answers:\n  - question: Tell me about yourself\n    answer: I think outside the box.\n")))
    found = await _diagnostics(client, uri)
    assert ("buzzwords/corporate-jargon", _rng(2, 14, 2, 35)) in [(d.code, d.range) for d in found]


@lsp
async def test_non_bmp_character_shifts_utf16_offset(client: LanguageClient, workspace: Path):
    text = BANK.replace("I like to", "😀 I like to")
    _, found = await _open(client, workspace / "emoji.md", text)
    # answerlint: column 13 (12 code points before); UTF-16: the emoji is two code units
    assert [d.range for d in found] == [_rng(4, 13, 4, 34)]
    line = text.splitlines()[4]
    assert line.encode("utf-16-le")[13 * 2:34 * 2].decode("utf-16-le") == "think outside the box"


@lsp
async def test_quick_fix_applies_the_safe_fix(client: LanguageClient, workspace: Path):
    text = BANK.replace("I like to", "Honestly, I like to")
    uri, found = await _open(client, workspace / "filler.md", text)
    filler = next(d for d in found if d.code == "generalities/fillers")
    assert filler.range == _rng(4, 0, 4, 8)
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), filler.range, types.CodeActionContext([filler])))
    titles = [a.title for a in result]
    assert titles == ["Fix: remove 'Honestly'", "Ignore generalities/fillers for this line"]
    fix = result[0]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.diagnostics[0].code == "generalities/fillers"
    fixed = _apply(text, fix.edit.changes[uri])
    assert fixed == BANK
    assert [d.code for d in await _change(client, uri, fixed)] == ["buzzwords/corporate-jargon"]


@lsp
async def test_ignore_action_inserts_markdown_directive(client: LanguageClient, workspace: Path):
    uri, found = await _open(client, workspace / "ignore.md", BANK)
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found)))
    assert [a.title for a in result] == ["Ignore buzzwords/corporate-jargon for this line"]
    edited = _apply(BANK, result[0].edit.changes[uri])
    assert edited.splitlines()[4] == ("I like to think outside the box when I plan a project. "
                                      "<!-- answerlint: disable-line=buzzwords/corporate-jargon -->")
    assert await _change(client, uri, edited) == []


@lsp
async def test_ignore_action_in_yaml_block_scalar_goes_before_the_key(client: LanguageClient, workspace: Path):
    text = ("answers:\n"
            "  - question: Tell me about yourself\n"
            "    answer: >-\n"
            "      I plan projects and\n"
            "      I think outside the box.\n")
    uri, found = await _open(client, workspace / "bank.yaml", text, "yaml")
    assert [(d.code, d.range) for d in found] == [("buzzwords/corporate-jargon", _rng(4, 8, 4, 29))]
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found)))
    assert [a.title for a in result] == ["Ignore buzzwords/corporate-jargon for this answer"]
    edited = _apply(text, result[0].edit.changes[uri])
    assert edited.splitlines()[2:4] == ["    # answerlint: disable-next=buzzwords/corporate-jargon", "    answer: >-"]
    assert await _change(client, uri, edited) == []


@lsp
async def test_no_ignore_action_for_json(client: LanguageClient, workspace: Path):
    text = '{"answers": [{"question": "Tell me about yourself", "answer": "I think outside the box."}]}\n'
    uri, found = await _open(client, workspace / "bank.json", text, "json")
    assert [(d.code, d.range) for d in found] == [("buzzwords/corporate-jargon", _rng(0, 65, 0, 86))]
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found)))
    assert not result  # JSON has no comments, so no inline suppression


@lsp
async def test_hover_explains_the_rule(client: LanguageClient, workspace: Path):
    uri, found = await _open(client, workspace / "hover.md", BANK)
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(4, 15)))
    assert hover.range == found[0].range
    text = hover.contents.value
    assert text.startswith(f"warning: {JARGON} [buzzwords/corporate-jargon]\n\nbuzzwords/corporate-jargon\n")
    assert "Jargon hides what actually happened" in text  # the rationale, as `answerlint rule` shows it
    assert await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 2))) is None


@lsp
async def test_unreadable_bank_is_one_error_diagnostic(client: LanguageClient, workspace: Path):
    _, found = await _open(client, workspace / "broken.yaml", "answers:\n  - question: [\n", "yaml")
    assert len(found) == 1
    assert found[0].severity == types.DiagnosticSeverity.Error and found[0].source == "answerlint"
    assert found[0].code is None


def test_config_files_are_watched(client: LanguageClient):
    [registration] = client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    options = registration.register_options  # as the client received it: JSON
    assert [w["globPattern"] for w in options["watchers"]] == [
        "**/.answerlint.yaml", "**/.answerlint.yml", "**/pyproject.toml"]


@lsp
async def test_changed_configuration_is_read_again(client: LanguageClient, workspace: Path):
    team = workspace / "team"
    team.mkdir()
    config = team / ".answerlint.yaml"
    config.write_text("select: [buzzwords/corporate-jargon]\n", encoding="utf-8")
    uri, found = await _open(client, team / "bank.md", BANK)
    assert [d.code for d in found] == ["buzzwords/corporate-jargon"]
    _, found = await _open(client, config, config.read_text(encoding="utf-8"), "yaml")
    assert found == []  # a configuration is not a bank
    config.write_text("select: [buzzwords/corporate-jargon]\nignore: [buzzwords/corporate-jargon]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    assert await _diagnostics(client, uri) == []


@lsp
async def test_save_relints(client: LanguageClient, workspace: Path):
    uri, _ = await _open(client, workspace / "saved.md", BANK)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert [d.code for d in await _diagnostics(client, uri)] == ["buzzwords/corporate-jargon"]


# -- rewrite templates as snippets ------------------------------------------------------------

STRENGTHS = "# What are your strengths?\n\nI am a team player. I also ship on time.\n"
REWRITE = "In <when>, I worked with <who> to <goal>, and we <result, with a number>."
SNIPPET = "In ${1:when}, I worked with ${2:who} to ${3:goal}, and we ${4:result, with a number}.$0"


def _snippet_capabilities() -> types.ClientCapabilities:
    """VS Code's capabilities, plus snippet edits in workspace edits (LSP 3.18)."""
    capabilities = client_capabilities("visual-studio-code")
    capabilities.workspace.workspace_edit.snippet_edit_support = True
    return capabilities


@pytest_lsp.fixture(scope="module",
                    config=ClientServerConfig(server_command=[sys.executable, "-m", "answerlint", "server"]))
async def snippet_client(lsp_client: LanguageClient, workspace: Path):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        pass

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=_snippet_capabilities(), root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="banks")]))
    yield
    await lsp_client.shutdown_session()


async def _rewrite_action(client: LanguageClient, workspace: Path, name: str):
    labels = workspace / "labels"
    labels.mkdir(exist_ok=True)
    (labels / ".answerlint.yaml").write_text("select: [buzzwords/self-labels]\n", encoding="utf-8")
    uri, found = await _open(client, labels / name, STRENGTHS)
    assert [(d.code, d.range) for d in found] == [("buzzwords/self-labels", _rng(2, 7, 2, 18))]
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found)))
    assert [(a.title, a.kind) for a in result] == [
        ("Ignore buzzwords/self-labels for this line", types.CodeActionKind.QuickFix),
        (f"Rewrite as: {REWRITE}"[:77] + "...", types.CodeActionKind.RefactorRewrite)]
    assert result[1].diagnostics[0].code == "buzzwords/self-labels" and not result[1].is_preferred
    return uri, result[1]


@lsp
async def test_rewrite_is_plain_text_without_snippet_support(client: LanguageClient, workspace: Path):
    uri, action = await _rewrite_action(client, workspace, "plain.md")
    assert action.edit.document_changes is None
    [edit] = action.edit.changes[uri]
    assert (edit.range, edit.new_text) == (_rng(2, 0, 2, 19), REWRITE)
    rewritten = _apply(STRENGTHS, [edit])
    assert rewritten == f"# What are your strengths?\n\n{REWRITE} I also ship on time.\n"
    assert await _change(client, uri, rewritten) == []  # the label is gone


@lsp
async def test_rewrite_placeholders_are_tabstops_with_snippet_support(snippet_client: LanguageClient,
                                                                      workspace: Path):
    uri, action = await _rewrite_action(snippet_client, workspace, "snippet.md")
    assert action.edit.changes is None
    [change] = action.edit.document_changes
    assert (change.text_document.uri, change.text_document.version) == (uri, 1)
    [edit] = change.edits
    assert isinstance(edit, types.SnippetTextEdit)
    assert (edit.range, edit.snippet.value) == (_rng(2, 0, 2, 19), SNIPPET)


@pytest.mark.parametrize("text, expected", [
    (REWRITE, SNIPPET),
    ("With <who> and <who> again.", "With ${1:who} and ${1:who} again.$0"),
    ("Saved $300 in <when}>, a\\b.", "Saved \\$300 in ${1:when\\}}, a\\\\b.$0"),
    ("No placeholders.", "No placeholders.$0")])
def test_snippet_syntax(text, expected):
    from answerlint.lsp.actions import snippet

    assert snippet(text) == expected


# -- positions, without a server ---------------------------------------------------------------

@pytest.mark.parametrize("encoding, expected", [(UTF16, 3), (UTF8, 5), (UTF32, 2)])
def test_units_per_encoding(encoding, expected):
    assert units("😀a", encoding) == expected


def test_position_map_bom_and_crlf():
    positions = PositionMap("\ufeff# Q\r\n😀 x\r\n", UTF16)
    assert positions.position(1, 1) == (0, 1)  # answerlint's source has no byte-order mark
    assert positions.position(2, 3) == (1, 3)
    assert positions.line_end(2) == (1, 4)
    assert PositionMap("😀 x\n", UTF8).position(1, 3) == (0, 5)
