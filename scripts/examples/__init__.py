"""Builders of the example zones, one module per example; ``build_examples.py`` runs them."""
