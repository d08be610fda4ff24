"""Package data: the Jinja templates of every XBRL file written, read with importlib.resources."""
