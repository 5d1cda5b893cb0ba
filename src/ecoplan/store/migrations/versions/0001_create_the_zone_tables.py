"""Create the zone tables: ``zones`` and one ``zone_<table>`` per schema table.

Written out in full, so this revision stays as it is when ``schema.csv`` changes; a later
schema change gets a revision of its own.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zones",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=True),
        sa.Column("base_year", sa.Integer(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("boundary", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("zone_id", name=op.f("pk_zones")),
    )
    op.create_table(
        "zone_sites",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("area", sa.Double(), nullable=True),
        sa.Column("area_unit", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.zone_id"], name=op.f("fk_zone_sites_zone_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_sites")),
        sa.UniqueConstraint("zone_id", "site_id", name=op.f("uq_zone_sites_zone_id_site_id")),
    )
    op.create_table(
        "zone_organisations",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("industry_scheme", sa.Text(), nullable=True),
        sa.Column("industry_code", sa.Text(), nullable=True),
        sa.Column("cluster", sa.Text(), nullable=True),
        sa.Column("ownership", sa.Text(), nullable=True),
        sa.Column("site_id", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_organisations_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_organisations")),
        sa.UniqueConstraint("zone_id", "org_id", name=op.f("uq_zone_organisations_zone_id_org_id")),
    )
    op.create_table(
        "zone_nodes",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("node_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=True),
        sa.Column("site_id", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.zone_id"], name=op.f("fk_zone_nodes_zone_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_nodes")),
        sa.UniqueConstraint("zone_id", "node_id", name=op.f("uq_zone_nodes_zone_id_node_id")),
    )
    op.create_table(
        "zone_resources",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("resource_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=True),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("dimension", sa.Text(), nullable=False),
        sa.Column("taxonomy", sa.Text(), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("energy_source", sa.Text(), nullable=True),
        sa.Column("hazardous", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_resources_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_resources")),
        sa.UniqueConstraint(
            "zone_id", "resource_id", name=op.f("uq_zone_resources_zone_id_resource_id")
        ),
    )
    op.create_table(
        "zone_flows",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("flow_id", sa.Text(), nullable=False),
        sa.Column("from_node", sa.Text(), nullable=False),
        sa.Column("to_node", sa.Text(), nullable=False),
        sa.Column("resource_id", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Double(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("operating_hours", sa.Double(), nullable=True),
        sa.Column("stage", sa.Text(), nullable=True),
        sa.Column("quality", sa.Text(), nullable=True),
        sa.Column("uncertainty", sa.Double(), nullable=True),
        sa.Column("assumed", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.zone_id"], name=op.f("fk_zone_flows_zone_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_flows")),
        sa.UniqueConstraint("zone_id", "flow_id", name=op.f("uq_zone_flows_zone_id_flow_id")),
    )
    op.create_table(
        "zone_stocks",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("stock_id", sa.Text(), nullable=False),
        sa.Column("node_id", sa.Text(), nullable=False),
        sa.Column("resource_id", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("level", sa.Double(), nullable=True),
        sa.Column("change", sa.Double(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.zone_id"], name=op.f("fk_zone_stocks_zone_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_stocks")),
        sa.UniqueConstraint("zone_id", "stock_id", name=op.f("uq_zone_stocks_zone_id_stock_id")),
    )
    op.create_table(
        "zone_durables",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("durable_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("resource_id", sa.Text(), nullable=True),
        sa.Column("driver", sa.Text(), nullable=False),
        sa.Column("distribution", sa.Text(), nullable=False),
        sa.Column("lifetime_mean", sa.Double(), nullable=True),
        sa.Column("lifetime_sd", sa.Double(), nullable=True),
        sa.Column("weibull_shape", sa.Double(), nullable=True),
        sa.Column("weibull_scale", sa.Double(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_durables_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_durables")),
        sa.UniqueConstraint(
            "zone_id", "durable_id", name=op.f("uq_zone_durables_zone_id_durable_id")
        ),
    )
    op.create_table(
        "zone_durable_series",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("durable_id", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_durable_series_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_durable_series")),
    )
    op.create_table(
        "zone_economy",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("variable", sa.Text(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=True),
        sa.Column("assumed", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.zone_id"], name=op.f("fk_zone_economy_zone_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_economy")),
    )
    op.create_table(
        "zone_targets",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("target_id", sa.Text(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("comparison", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.zone_id"], name=op.f("fk_zone_targets_zone_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_targets")),
        sa.UniqueConstraint("zone_id", "target_id", name=op.f("uq_zone_targets_zone_id_target_id")),
    )
    op.create_table(
        "zone_listings",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("listing_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=True),
        sa.Column("node_id", sa.Text(), nullable=True),
        sa.Column("resource_id", sa.Text(), nullable=False),
        sa.Column("amount", sa.Double(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("operating_hours", sa.Double(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("quality", sa.Text(), nullable=True),
        sa.Column("price", sa.Double(), nullable=True),
        sa.Column("price_unit", sa.Text(), nullable=True),
        sa.Column("site_id", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_listings_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_listings")),
        sa.UniqueConstraint(
            "zone_id", "listing_id", name=op.f("uq_zone_listings_zone_id_listing_id")
        ),
    )
    op.create_table(
        "zone_projects",
        sa.Column("zone_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("project_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=True),
        sa.Column("org_id", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("capital_cost", sa.Double(), nullable=True),
        sa.Column("cost_unit", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.zone_id"],
            name=op.f("fk_zone_projects_zone_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "position", name=op.f("pk_zone_projects")),
        sa.UniqueConstraint(
            "zone_id", "project_id", name=op.f("uq_zone_projects_zone_id_project_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("zone_projects")
    op.drop_table("zone_listings")
    op.drop_table("zone_targets")
    op.drop_table("zone_economy")
    op.drop_table("zone_durable_series")
    op.drop_table("zone_durables")
    op.drop_table("zone_stocks")
    op.drop_table("zone_flows")
    op.drop_table("zone_resources")
    op.drop_table("zone_nodes")
    op.drop_table("zone_organisations")
    op.drop_table("zone_sites")
    op.drop_table("zones")
