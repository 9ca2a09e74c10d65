"""The catalogue generator and its spec (the generated data lives in bot/domain/catalogue)."""
