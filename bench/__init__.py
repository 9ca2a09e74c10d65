"""Benchmarks: each prints its figures and ratios; `python -m bench` runs them all."""
