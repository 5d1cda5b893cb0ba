"""Add the heat streams table.

A new table holds the zone's hot and cold process streams (supply and target temperatures,
heat-capacity flowrate or heat load, each with its unit), which the heat pinch analysis reads.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zone_heat_streams",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("stream_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("node_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("supply_temperature", sa.Double(), nullable=False),
        sa.Column("target_temperature", sa.Double(), nullable=False),
        sa.Column("heat_capacity_flowrate", sa.Double(), nullable=True),
        sa.Column("cp_unit", sa.Text(), nullable=True),
        sa.Column("heat_load", sa.Double(), nullable=True),
        sa.Column("heat_load_unit", sa.Text(), nullable=True),
        sa.Column("dt_min_contribution", sa.Double(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_heat_streams_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_heat_streams")),
        sa.UniqueConstraint(
            "zone_id", "stream_id", name=op.f("uq_zone_heat_streams_zone_id_stream_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("zone_heat_streams")
