"""Add the hub sites table and the sites' Chinese names.

A new table holds the zone's candidate sites for by-product broker hubs (fixed cost per year,
capacity, handling cost per tonne, each with its unit, and an optional economic quantity),
which the broker's facility-location model reads. Sites gain ``name_zh``, as nodes and
organisations have, so the Chinese report names them in Chinese.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("zone_sites", sa.Column("name_zh", sa.Text(), nullable=True))
    op.create_table(
        "zone_hub_sites",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("fixed_cost", sa.Double(), nullable=False),
        sa.Column("fixed_cost_unit", sa.Text(), nullable=True),
        sa.Column("capacity", sa.Double(), nullable=False),
        sa.Column("capacity_unit", sa.Text(), nullable=False),
        sa.Column("unit_cost", sa.Double(), nullable=False),
        sa.Column("cost_unit", sa.Text(), nullable=True),
        sa.Column("min_quantity", sa.Double(), nullable=True),
        sa.Column("assumed", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_hub_sites_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_hub_sites")),
    )


def downgrade() -> None:
    op.drop_table("zone_hub_sites")
    with op.batch_alter_table("zone_sites") as batch:
        batch.drop_column("name_zh")
