"""The terminal edge: the same coach, one command per line, replies printed as text."""
