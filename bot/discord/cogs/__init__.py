"""Discord cogs: each command is a thin adapter over one coach method."""
