"""Store stage: extractions in a database (SQLite by default, PostgreSQL by URL).

::

    with Store.open("sitrep.db") as store:
        store.save(extraction)           # one transaction per document
        store.load_extractions()         # the model objects back, for fusion/export/web
"""

from __future__ import annotations

from sitrep.store.rows import event_id
from sitrep.store.store import Store, database_url

__all__ = ["Store", "database_url", "event_id"]
