"""Several clerks at the same moment, each in their own process: dossier codes never repeat."""

import multiprocessing
from datetime import datetime

from sqlalchemy import func, select

from kiosk.db.models import Dossier
from tests.kiosk.concurrent_clerks import register_many

PROCESSES, EACH = 4, 40


def test_clerks_registering_at_once_never_share_a_dossier_code(database, office, db_url):
    received = datetime(2026, 11, 23, 9, 0)
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        batches = pool.starmap(
            register_many, [(db_url, 1 + n % 2, EACH, received) for n in range(PROCESSES)]
        )
    codes = [code for batch in batches for code in batch]
    assert len(codes) == PROCESSES * EACH
    assert len(set(codes)) == len(codes)  # no duplicates, whoever was first
    assert all(code.startswith("000.00.30.H12-261123-") for code in codes)
    with database.factory() as session:
        stored = session.scalar(select(func.count(func.distinct(Dossier.code))))
    assert stored == PROCESSES * EACH  # every acknowledged registration is there, once
