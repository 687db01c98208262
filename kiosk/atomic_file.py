"""Writing files the office keeps (reports, slips, backups) whole or not at all.

Each file is first written beside its target under a hidden temporary name, flushed to the disk
(fsync), then renamed over the target (os.replace, atomic on one file system). A full disk or any
other write error removes the temporary file and leaves an earlier file of that name as it was:
never half a report, never a 0-byte file among the good ones.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.errors import StorageError
from kiosk.i18n import N_

# Gets the temporary path and writes the whole file there.
Writer = Callable[[Path], object]
Stage = Callable[[Path, Writer], None]


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    """Makes the rename itself durable; some systems cannot open a folder, which is harmless."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _temporary_beside(path: Path) -> Path:
    """A new empty file in the target's folder (so the rename stays on one file system), made
    with the usual permissions (mkstemp's 0600 would hide a report from the office's users)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temporary


def _cannot_write(path: Path, error: BaseException) -> StorageError:
    problem = error.strerror if isinstance(error, OSError) and error.strerror else error
    return StorageError(N_("Cannot write {path}: {problem}"), path=path, problem=problem)


@contextmanager
def replacing_together() -> Iterator[Stage]:
    """Files staged inside the block replace their targets only when every one was written.

    `stage(path, write)` runs `write` on a temporary file beside `path`; when the block ends
    without an error the files are flushed and renamed, else every temporary file is removed.
    Errors while writing come out as StorageError naming the file.
    """
    staged: list[tuple[Path, Path]] = []

    def stage(path: Path, write: Writer) -> None:
        try:
            temporary = _temporary_beside(path)
        except OSError as error:
            raise _cannot_write(path, error) from error
        staged.append((temporary, path))
        try:
            write(temporary)
            _fsync_file(temporary)
        except OSError as error:
            raise _cannot_write(path, error) from error
        except Exception as error:
            # Writers of other libraries wrap the OSError (XlsxWriter's FileCreateError).
            cause = error.__cause__ or error.__context__
            if isinstance(cause, OSError):
                raise _cannot_write(path, cause) from error
            raise

    try:
        yield stage
        for temporary, path in staged:
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise _cannot_write(path, error) from error
        for folder in {path.parent for _temporary, path in staged}:
            _fsync_folder(folder)
    finally:
        for temporary, _path in staged:
            temporary.unlink(missing_ok=True)


def write_atomically(path: Path, write: Writer) -> None:
    with replacing_together() as stage:
        stage(path, write)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda temporary: temporary.write_bytes(data))
