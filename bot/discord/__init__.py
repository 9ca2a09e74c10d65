"""The Discord edge: the client, one cog per area, and the rendering of reply values."""
