"""A Core statement compiled once, its SQL handed to the driver at each execution.

SQLAlchemy compiles a statement once too (its compiled cache), but still looks it up, builds an
execution context and processes the parameters by name at every call: on SQLite that costs a
registration more than the database's own work. Compiled here once per dialect, the SQL text,
the parameters' order and their type processors (the same ones SQLAlchemy would apply: a
datetime, a UUID or a JSON value reaches the database exactly as through `execute`) are kept,
and each call is one `exec_driver_sql`: still on the same connection and transaction, still
seen by the engine's events and errors wrapped as SQLAlchemy's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Dialect, Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class DriverStatement:
    sql: str
    # Each parameter in the SQL's order: its name, its fixed value (a literal of the statement)
    # or None when the caller gives it, and its type's processor for the dialect.
    parameters: tuple[tuple[str, Any, Processor], ...]
    positional: bool

    def execute(self, connection: Connection, values: Mapping[str, Any]) -> CursorResult[Any]:
        arguments = []
        for name, fixed, processor in self.parameters:
            value = values[name] if fixed is None else fixed
            arguments.append(value if processor is None else processor(value))
        if self.positional:
            return connection.exec_driver_sql(self.sql, tuple(arguments))
        names = (name for name, _, _ in self.parameters)
        return connection.exec_driver_sql(self.sql, dict(zip(names, arguments, strict=True)))


def driver_statement(statement: Executable, dialect: Dialect) -> DriverStatement | None:
    """The statement compiled for `dialect`; None when its SQL depends on the values (an IN
    list expanded at each call), which `Connection.execute` handles."""
    compiled = cast(ClauseElement, statement).compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    binds = compiled.binds
    if any(bind.expanding for bind in binds.values()):
        return None
    names = compiled.positiontup if compiled.positional else list(binds)
    assert names is not None
    parameters = []
    for name in names:
        bind = binds[name]
        fixed = None if bind.callable is None and bind.value is None else bind.effective_value
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        parameters.append((bind.key if fixed is None else name, fixed, processor))
    return DriverStatement(compiled.string, tuple(parameters), compiled.positional)


# Keyed by the statement's identity: only for statements that live as long as the process (a
# module's constant, or kept by functools.cache), so that no identity is ever reused.
_compiled: dict[tuple[int, str, str], DriverStatement | None] = {}


def execute_compiled(
    connection: Connection, statement: Executable, values: Mapping[str, Any]
) -> CursorResult[Any]:
    """`connection.execute(statement, values)`, through the driver statement compiled once."""
    dialect = connection.dialect
    key = (id(statement), dialect.name, dialect.paramstyle)
    if key not in _compiled:
        _compiled[key] = driver_statement(statement, dialect)
    compiled = _compiled[key]
    if compiled is None:
        return connection.execute(statement, values)
    return compiled.execute(connection, values)
