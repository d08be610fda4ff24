"""Readers: filing bytes → text lines, the EDGAR header, the cover page; HTML rendered to the same fixed-width layout."""
