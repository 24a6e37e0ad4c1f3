"""SQLite persistence: models, engine set-up, migrations and repositories.

Nothing here leaks ORM objects: repositories hand back the frozen types of
:mod:`netui.domain.types`.
"""
