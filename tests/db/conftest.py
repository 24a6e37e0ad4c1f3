"""Database tests use the root fixtures: ``clock``, ``services`` and ``add``."""
