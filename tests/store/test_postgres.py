"""The store's behaviour tests against a real PostgreSQL server.

They run when ``FIGCHECK_TEST_POSTGRES_URL`` names a server
(``export FIGCHECK_TEST_POSTGRES_URL="$(scripts/start-postgres)"``) and are
skipped otherwise, except under CI (``CI`` set), where a missing URL fails
them: CI must not pass by skipping them.  Each test gets a schema of its own
(via ``search_path``) that is dropped afterwards, so the database's other
tables are never touched.
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from checks.store import open_store
from checks.store.schema import figures
from tests.store import figure
from tests.store.test_store import StoreBehaviour

URL_VARIABLE = "FIGCHECK_TEST_POSTGRES_URL"


@pytest.fixture(scope="module")
def server_url() -> str:
    url = os.environ.get(URL_VARIABLE)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {URL_VARIABLE} is not: start a server with "
                    f'`export {URL_VARIABLE}="$(scripts/start-postgres)"` before the tests',
                    pytrace=False)
    pytest.skip(f"{URL_VARIABLE} is not set (scripts/start-postgres starts a server and prints one)")


@pytest.fixture
def schema_url(server_url: str) -> Iterator[str]:
    """Return the server's URL with a fresh schema first on the search path."""
    schema = f"figcheck_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class TestPostgresStore(StoreBehaviour):
    """Every behaviour test of the SQLite store, on PostgreSQL."""

    @pytest.fixture
    def store_url(self, schema_url: str) -> str:
        return schema_url


def test_infinity_stored_by_postgres_itself_reads_back(schema_url: str) -> None:
    with open_store(schema_url) as store:
        store.save("releases/a.txt", "hash-a", None, [figure()])
        with store.engine.begin() as connection:
            connection.execute(sa.text("UPDATE figures SET low = '-Infinity', high = 'Infinity'"))
            stored = connection.execute(sa.select(figures.c.low, figures.c.high)).one()
        assert tuple(stored) == (-math.inf, math.inf)
        (loaded,) = store.load()
        assert (loaded.figures[0].low, loaded.figures[0].high) == (-math.inf, math.inf)


def test_the_plain_postgresql_scheme_uses_the_same_driver(schema_url: str) -> None:
    plain = schema_url.replace("postgresql+psycopg2://", "postgresql://", 1)
    with open_store(plain) as store:
        assert store.engine.dialect.name == "postgresql"
        assert "figcheck:***@" in store.name
        store.save("releases/a.txt", "hash-a", None, [figure()])
        assert store.known("releases/a.txt", "hash-a")
