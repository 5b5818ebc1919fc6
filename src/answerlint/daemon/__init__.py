"""``answerlint daemon``: an opt-in resident process that runs ``answerlint check`` with the spaCy
pipeline kept loaded (docs/daemon.md). protocol.py: the socket, its directory and the messages;
client.py: forwarding a command (standard library only, for ``__main__``'s fast path);
server.py: serving requests; pipelines.py: the pipelines kept between requests; control.py:
``start``, ``stop``, ``status``."""
