"""Package data: the concept catalog (concepts.csv), read with importlib.resources."""
