"""Checks on what was built: the consistency rules, validation with Arelle and the offline taxonomy packages."""
