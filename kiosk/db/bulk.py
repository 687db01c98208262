"""Inserting many rows with the driver's own executemany, every value converted for the driver
beforehand (as SQLAlchemy converts it: uuid, datetime, enum …). A province's worth of dossiers
then holds SQLite's write lock only while the driver writes, not while a hundred thousand
parameter sets are built one by one; the kiosk's ratings wait that much less."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert


class PreparedInsert:
    """The INSERT of `rows` (each with the first row's keys) for this dialect, ready to run."""

    def __init__(self, table: Table, rows: Sequence[dict[str, Any]], dialect: Dialect) -> None:
        keys = list(rows[0]) if rows else []
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        self.sql = compiled.string
        self._positional = bool(compiled.positional)
        # A positional driver (SQLite) takes the values in the statement's order; a named one
        # (psycopg) by the bind parameters' names, which are the columns' keys.
        self._names = list(compiled.positiontup or []) if self._positional else keys
        self._index = {name: i for i, name in enumerate(self._names)}
        self._converters: dict[str, Callable[[Any], Any] | None] = {
            name: compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in self._names
        }
        columns = []
        for name in self._names:
            values = [row[name] for row in rows]
            convert = self._converters[name]
            if convert is not None and values:
                values = _converted(values, convert)
            columns.append(values)
        rows_of_values = zip(*columns, strict=True)
        self.parameters: list[Any] = (
            list(rows_of_values)
            if self._positional
            else [dict(zip(self._names, values, strict=True)) for values in rows_of_values]
        )

    def set_value(self, row: int, key: str, value: Any) -> None:
        """Changes one value after preparing (an id known only in the write transaction)."""
        convert = self._converters[key]
        converted = value if convert is None else convert(value)
        if self._positional:
            values = list(self.parameters[row])
            values[self._index[key]] = converted
            self.parameters[row] = tuple(values)
        else:
            self.parameters[row][key] = converted

    def run(self, connection: Connection) -> None:
        if self.parameters:
            connection.exec_driver_sql(self.sql, self.parameters)


def _converted(values: list[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """Each value converted; a value that repeats (an appointment day's closing time, the import's
    own time, an enum) is converted once."""
    try:
        distinct = set(values)
    except TypeError:  # a JSON list or dict: each converted on its own
        distinct = set()
    if len(distinct) * 2 <= len(values) and distinct:
        converted = {v: None if v is None else convert(v) for v in distinct}
        return [converted[v] for v in values]
    return [None if v is None else convert(v) for v in values]
