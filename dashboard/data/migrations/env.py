"""Alembic's environment: always on the connection handed in by ``migrations.upgrade``
(or a new one on ``sqlalchemy.url`` for a developer's ``alembic`` command)."""

from alembic import context
from sqlalchemy import create_engine

from dashboard.data.database import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as own:
        context.configure(connection=own, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
