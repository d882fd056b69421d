"""The session-signing key leaves the database (read access must not forge sessions).

It now comes from ``TI_SECRET_KEY`` or an owner-only file (``accounts/signing_key.py``);
the key the database held is deleted, so sessions signed with it end.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM app_settings WHERE key = 'secret_key'")


def downgrade() -> None:
    pass  # a key is never written back into the database
