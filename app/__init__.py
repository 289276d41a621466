"""Five platforms back office."""
