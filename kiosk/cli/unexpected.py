"""Plain words for failures no domain rule foresaw: the database went away, the disk filled up."""

from __future__ import annotations

import errno

from kiosk.i18n import N_, Translator


def describe_unexpected(error: BaseException, tr: Translator) -> str:
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    if isinstance(error, OperationalError):
        return tr(
            N_("The database cannot be reached or written ({problem}); nothing was saved."),
            problem=str(error.orig).strip(),
        )
    if isinstance(error, SQLAlchemyError):
        return tr(
            N_("The database refused the change ({problem}); nothing was saved."),
            problem=str(error).splitlines()[0],
        )
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return tr(N_("The disk is full; nothing was saved."))
    if isinstance(error, OSError):
        return tr(N_("System error: {problem}"), problem=error.strerror or error)
    return tr(N_("Unexpected error: {problem}"), problem=f"{type(error).__name__}: {error}")
