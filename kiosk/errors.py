"""Errors a user can cause, with a message fit to show in the user's language."""

from __future__ import annotations

from kiosk.i18n import Translator


class KioskError(Exception):
    """A domain error: `message` is an untranslated message id with `{named}` fields."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params

    def render(self, tr: Translator) -> str:
        # An error that wraps another (a bad row of a file) shows the inner one translated too.
        params = {
            k: v.render(tr) if isinstance(v, KioskError) else v for k, v in self.params.items()
        }
        return tr(self.message, **params)


class NotFoundError(KioskError):
    pass


class InvalidInputError(KioskError):
    pass


class ConflictError(KioskError):
    """The request contradicts what is recorded (a second re-appointment, a second rating)."""


class StorageError(KioskError):
    """The database could not be reached or written; nothing was acknowledged."""
