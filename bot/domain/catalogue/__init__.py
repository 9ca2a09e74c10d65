"""Exercises, their tiers and the muscles they train; the one body-part vocabulary."""
