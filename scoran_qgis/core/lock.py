"""One editor at a time: a lock file next to the store, naming who holds it.

SQLite already serialises writes; the lock stops a second QGIS instance from editing the register
at the same time (each would overwrite the other's view of a project) and says who has it open.
A lock left by a process that no longer runs on this machine is taken over.
"""

from __future__ import annotations

import json
import os
import socket
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
