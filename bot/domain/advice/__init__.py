"""The coaching rules: what each says, when each fires, and the engine that picks them."""
