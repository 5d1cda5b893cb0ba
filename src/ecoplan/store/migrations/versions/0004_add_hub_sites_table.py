"""Add the hub sites and recovery facility tables, and the sites' Chinese names.

A new table holds the zone's candidate sites for by-product broker hubs (fixed cost per year,
capacity, handling cost per tonne, each with its unit, and an optional economic quantity),
which the broker's facility-location model reads. Two more hold the zone's materials recovery
facilities (site, capacity, sorting and residue costs per tonne, the codes or categories each
accepts) and their outputs (code, yield per tonne of input, price per tonne), which the
exchange network reads as recovery options. Sites gain ``name_zh``, as nodes and
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
    create_recovery_tables()


def create_recovery_tables() -> None:
    """Create the tables of the materials recovery facilities and their outputs."""
    op.create_table(
        "zone_recovery_facilities",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("facility_id", sa.Text(), nullable=False),
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Double(), nullable=False),
        sa.Column("capacity_unit", sa.Text(), nullable=False),
        sa.Column("cost", sa.Double(), nullable=False),
        sa.Column("cost_unit", sa.Text(), nullable=True),
        sa.Column("residue_cost", sa.Double(), nullable=True),
        sa.Column("accepts", sa.Text(), nullable=False),
        sa.Column("assumed", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_recovery_facilities_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_recovery_facilities")),
        sa.UniqueConstraint(
            "zone_id",
            "facility_id",
            name=op.f("uq_zone_recovery_facilities_zone_id_facility_id"),
        ),
    )
    op.create_table(
        "zone_recovery_yields",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("facility_id", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("yield", sa.Double(), nullable=False),
        sa.Column("price", sa.Double(), nullable=False),
        sa.Column("price_unit", sa.Text(), nullable=True),
        sa.Column("assumed", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_recovery_yields_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_recovery_yields")),
    )


def downgrade() -> None:
    op.drop_table("zone_recovery_yields")
    op.drop_table("zone_recovery_facilities")
    op.drop_table("zone_hub_sites")
    with op.batch_alter_table("zone_sites") as batch:
        batch.drop_column("name_zh")
