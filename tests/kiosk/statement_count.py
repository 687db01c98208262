"""Counting the SQL statements a piece of work sends, as the driver sees them (for the
registration test and scripts/bench_registrations.py, which must report the same number)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event


class StatementCount:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __len__(self) -> int:
        return len(self.statements)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        self.statements.append(statement)


@contextmanager
def counting_statements(engine: Engine) -> Iterator[StatementCount]:
    """Every statement the engine executes within the block (BEGIN and COMMIT are the
    driver's own and not counted; SQLite's pragmas run only when a connection is made)."""
    count = StatementCount()
    event.listen(engine, "before_cursor_execute", count._seen)
    try:
        yield count
    finally:
        event.remove(engine, "before_cursor_execute", count._seen)
