"""The benchmark: bench/run serves the portal as in production and measures it."""
