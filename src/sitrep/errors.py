"""One exception hierarchy; the CLI turns each into a one-line message, never a traceback."""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose; the message tells the user what to do.

    ``hint`` is the next step to try, shown after the message on the same line;
    ``exit_code`` the status the command line exits with.
    """

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class InputError(SitrepError):
    """An input document cannot be read (empty, binary, malformed, unknown format)."""


class ConfigError(SitrepError):
    """A setting or configuration file is invalid."""


class StoreError(SitrepError):
    """The database cannot be opened, migrated or written."""


class GazetteerError(SitrepError):
    """A gazetteer source is missing or malformed."""


class ArticleTimeoutError(SitrepError):
    """One article took longer to extract than the per-article time limit allows."""


class NothingStoredError(SitrepError):
    """A batch stored nothing because every input was rejected."""


class InterruptError(SitrepError):
    """The user stopped a command (Ctrl-C); what was done before is kept."""

    exit_code = 130
