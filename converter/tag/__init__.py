"""Rows → concepts → facts: the concept catalog, the mapper, the builder of facts and networks."""
