"""``answerlint server``: a language server (LSP over stdio, with pygls) for editors.

positions.py maps answerlint's 1-based, code-point positions to LSP positions in the client's
encoding; actions.py builds quick fixes and suppression comments; server.py is the pygls
wiring. pygls is an optional dependency (``pip install answerlint[lsp]``); nothing here is
imported by ``answerlint check``.
"""
