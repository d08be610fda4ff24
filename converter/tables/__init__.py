"""Text layout → tables → statements and notes: columns, periods, scale, subtotals."""
