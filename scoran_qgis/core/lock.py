"""Editing a store from several places: the GeoPackage lock file, and noticing others' saves.

GeoPackage: SQLite already serialises writes; the lock stops a second QGIS instance from editing the
register at the same time and says who has it open. A lock left by a process that no longer runs on
this machine is taken over. A PostgreSQL store takes no lock: several sessions editing at once is its
point, and the row versions (schema step 6, core/register.py) refuse a save that would overwrite a
newer change.

`ChangeWatcher` tells a dock when others wrote to the store: LISTEN/NOTIFY on PostgreSQL (channel
`scoran_registre`, sent by the triggers of step 6), `PRAGMA data_version` and the file's time stamp on a
GeoPackage. GUI-free: the dock polls it with a timer.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from pathlib import Path

from .errors import StoreLockedError
from .i18n import tr


def lock_path(store_path) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".verrou")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def acquire(store_path) -> Path:
    """Take the lock (raise StoreLockedError naming the holder when another live process has it)."""
    path = lock_path(store_path)
    me = {"pid": os.getpid(), "host": socket.gethostname(), "user": os.environ.get("USER", "")}
    if path.exists():
        try:
            holder = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            holder = {}
        same_host = holder.get("host") == me["host"]
        if holder.get("pid") == me["pid"] and same_host:
            return path
        if not same_host or _alive(int(holder.get("pid", 0) or 0)):
            raise StoreLockedError(tr(
                "Le référentiel {0} est ouvert en modification par {1} sur {2} (processus {3}). Fermez-le là-bas, "
                "ou ouvrez-le en lecture seule.").format(Path(store_path).name, holder.get("user") or "?",
                                                        holder.get("host") or "?", holder.get("pid") or "?"))
    partial = path.with_name(path.name + f".{me['pid']}")
    partial.write_text(json.dumps(me), encoding="utf-8")
    os.replace(partial, path)
    return path


def release(store_path) -> None:
    path = lock_path(store_path)
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if holder.get("pid") == os.getpid():
        path.unlink(missing_ok=True)


def needs_lock(store) -> bool:
    """A GeoPackage is edited by one QGIS at a time; a PostgreSQL store by many (row versions guard saves)."""
    return not getattr(store, "is_postgres", False)


class ChangeWatcher:
    """`changed()` is True when the store was written by another connection since the last call.

    PostgreSQL: a connection of its own LISTENs on `scoran_registre` (notices of this store's schema only);
    GeoPackage: `PRAGMA data_version` of a read-only connection kept open, and the time stamps and sizes
    of the file and its `-wal`.
    """

    def __init__(self, store):
        from .schema import NOTIFY_CHANNEL

        self.store = store
        self.channel = NOTIFY_CHANNEL
        self._conn = None
        self._version = None
        self._stamp = None
        if getattr(store, "is_postgres", False):
            self._listen()
        else:
            self.path = Path(store.path)
            try:
                self._conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                             check_same_thread=False)
                self._version = self._data_version()
            except sqlite3.Error:
                self._conn = None
            self._stamp = self._file_stamp()

    # --- PostgreSQL ------------------------------------------------------------------------------
    def _listen(self) -> None:
        try:
            self._conn = self.store._connect()  # autocommit: notices arrive between statements
            with self._conn.cursor() as cursor:
                cursor.execute(f"LISTEN {self.channel}")
        except Exception:  # noqa: BLE001 — no server now: try again at the next poll
            self._conn = None

    def _notices(self) -> bool:
        import psycopg2

        if self._conn is None or self._conn.closed:
            self._listen()
            return self._conn is not None  # reconnected: others may have saved meanwhile
        try:
            self._conn.poll()
        except psycopg2.Error:
            self._conn.close()
            self._conn = None
            return False
        prefix = f"{self.store.schema}."
        mine = [note for note in self._conn.notifies if str(note.payload).startswith(prefix)]
        self._conn.notifies.clear()
        return bool(mine)

    # --- GeoPackage ------------------------------------------------------------------------------
    def _data_version(self):
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def _file_stamp(self):
        stamp = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                info = path.stat()
                stamp.append((info.st_mtime_ns, info.st_size))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def changed(self) -> bool:
        if getattr(self.store, "is_postgres", False):
            return self._notices()
        found = False
        if self._conn is not None:
            try:
                version = self._data_version()
                found, self._version = version != self._version, version
            except sqlite3.Error:
                pass
        stamp = self._file_stamp()
        found, self._stamp = found or stamp != self._stamp, stamp
        return found

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 — closing a broken connection
                pass
            self._conn = None
