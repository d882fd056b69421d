"""Drafts remember how they will be published: add or update, withdraw, or replace.

Drafts waiting when this runs were reviewed as replacements, which stays their mode.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("publication_drafts") as table:
        table.add_column(
            sa.Column("mode", sa.String(20), nullable=False, server_default="remplacer")
        )


def downgrade() -> None:
    with op.batch_alter_table("publication_drafts") as table:
        table.drop_column("mode")
