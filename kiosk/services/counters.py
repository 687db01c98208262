"""Numbers handed out in order (dossier codes, register entries, case numbers), never twice."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kiosk.db.upsert import upsert_dialect


def count_up(session: Session, counter: Any, keys: dict[str, Any], last: Any) -> int:
    """The counter's next number in one statement: the upsert row-locks the counter's row, so
    concurrent clerks never share a number. (DossierService.register takes numbers in a
    transaction of their own; see there.)"""
    dialect = upsert_dialect(session.get_bind().dialect.name)
    statement = dialect.insert(counter).values(**keys, **{last.key: 1})
    return int(
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[getattr(counter, key) for key in keys],
                set_={last.key: last + 1},
            ).returning(last)
        ).scalar_one()
    )
