"""One exception hierarchy; the CLI turns each into a one-line message, never a traceback."""


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose; the message tells the user what to do."""


class InputError(SitrepError):
    """An input document cannot be read (empty, binary, malformed, unknown format)."""


class ConfigError(SitrepError):
    """A setting or configuration file is invalid."""


class StoreError(SitrepError):
    """The database cannot be opened, migrated or written."""


class GazetteerError(SitrepError):
    """A gazetteer source is missing or malformed."""
