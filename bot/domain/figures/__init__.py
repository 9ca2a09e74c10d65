"""Numbers worked out from history: volume, stats, boards, rankings, progress, e1RM."""
