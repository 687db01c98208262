"""How an enum is stored: its value string with a CHECK, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import enum

from sqlalchemy import Enum


def stored_enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
    )
