"""liftcoach: a Discord bot that coaches lifters on when to train to failure."""

__version__ = "0.1.0"
