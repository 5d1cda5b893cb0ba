"""Add the by-product exchange and energy tables.

Listings gain the columns of requests and offers (use, accepted substitutes, quality limits,
willingness to pay, disposal cost, virgin cost); new tables hold the zone's compatibility
rules, energy demand, portfolio shares and technology overrides.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zone_compatibility",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rule_id", sa.Text(), nullable=False),
        sa.Column("offer_taxonomy", sa.Text(), nullable=True),
        sa.Column("offer_code", sa.Text(), nullable=True),
        sa.Column("offer_category", sa.Text(), nullable=True),
        sa.Column("use", sa.Text(), nullable=False),
        sa.Column("limits", sa.Text(), nullable=True),
        sa.Column("processing_cost", sa.Double(), nullable=True),
        sa.Column("cost_unit", sa.Text(), nullable=True),
        sa.Column("co2_factor", sa.Double(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_compatibility_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_compatibility")),
        sa.UniqueConstraint(
            "zone_id", "rule_id", name=op.f("uq_zone_compatibility_zone_id_rule_id")
        ),
    )
    op.create_table(
        "zone_energy_demand",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("scenario", sa.Text(), nullable=True),
        sa.Column("sector", sa.Text(), nullable=False),
        sa.Column("carrier", sa.Text(), nullable=False),
        sa.Column("driver", sa.Text(), nullable=False),
        sa.Column("base_year", sa.Integer(), nullable=False),
        sa.Column("base_value", sa.Double(), nullable=False),
        sa.Column("driver_unit", sa.Text(), nullable=True),
        sa.Column("intensity", sa.Double(), nullable=False),
        sa.Column("growth", sa.Double(), nullable=False),
        sa.Column("growth_kind", sa.Text(), nullable=False),
        sa.Column("growth_period", sa.Double(), nullable=True),
        sa.Column("intensity_change", sa.Double(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_energy_demand_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_energy_demand")),
    )
    op.create_table(
        "zone_portfolio",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("scenario", sa.Text(), nullable=False),
        sa.Column("technology", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("share", sa.Double(), nullable=False),
        sa.Column("assumed", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_portfolio_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_portfolio")),
    )
    op.create_table(
        "zone_technology_overrides",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("technology", sa.Text(), nullable=False),
        sa.Column("parameter", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_technology_overrides_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_technology_overrides")),
    )
    with op.batch_alter_table("zone_listings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("use", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("accepted", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("limits", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("willingness_to_pay", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("disposal_cost", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("virgin_cost", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("zone_listings", schema=None) as batch_op:
        batch_op.drop_column("virgin_cost")
        batch_op.drop_column("disposal_cost")
        batch_op.drop_column("willingness_to_pay")
        batch_op.drop_column("limits")
        batch_op.drop_column("accepted")
        batch_op.drop_column("use")

    op.drop_table("zone_technology_overrides")
    op.drop_table("zone_portfolio")
    op.drop_table("zone_energy_demand")
    op.drop_table("zone_compatibility")
