"""Use cases shared by the app and the CLI. They speak in frozen domain types only."""
