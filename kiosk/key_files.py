"""Reading and writing the secret key files that live beside the database, never in it.

A key file holds one line of hex and is readable by its owner only: a file that group or others
can read is refused (with the `chmod` that fixes it), and a missing file is never replaced
silently — a new key is made only by `kiosk keys init`, because a new receipt key makes every
receipt already printed unreadable, and a new station key must be registered by a manager.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.i18n import N_, Translator


class KeyFileError(KioskError):
    """A key file is missing, unreadable, damaged or exposed; the message names the file and
    the command that fixes it. `what` is a message id naming the key."""

    @property
    def path(self) -> Path:
        return Path(str(self.params["path"]))

    def render(self, tr: Translator) -> str:
        params = dict(self.params)
        params["what"] = tr(str(params["what"]))
        params["fix"] = tr(str(params["fix"]))
        return tr(self.message, **params)


def read_key_file(path: Path, *, size: int, what: str, fix: str, longer_ok: bool = False) -> bytes:
    """The key's bytes (`size` of them, or more when `longer_ok`); `what` and `fix` are message
    ids naming the key and what staff do about a missing or damaged file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise KeyFileError(
            N_("{what} {path} is missing. {fix}"), what=what, path=path, fix=fix
        ) from None
    except OSError as error:
        raise KeyFileError(
            N_("{what} {path} cannot be read ({problem})."),
            what=what,
            path=path,
            problem=error.strerror,
            fix=fix,
        ) from error
    if stat.S_IMODE(mode) & 0o077:
        raise KeyFileError(
            N_("{what} {path} can be read by other users: run 'chmod 600 {path}'."),
            what=what,
            path=path,
            fix=fix,
        )
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError) as error:
        raise KeyFileError(
            N_("{what} {path} is damaged. {fix}"), what=what, path=path, fix=fix
        ) from error
    if len(key) < size or (len(key) > size and not longer_ok):
        raise KeyFileError(N_("{what} {path} is damaged. {fix}"), what=what, path=path, fix=fix)
    return key


def write_new_key_file(path: Path, key: bytes) -> None:
    """Creates the file, owner-only from its first byte; an existing file is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
