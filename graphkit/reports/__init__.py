"""Stage 6, the reports: one per command, and the writers of tables, CSV and JSON."""
