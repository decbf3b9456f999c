"""Processing algorithms of the `scoran` provider: thin wrappers over `core`."""
