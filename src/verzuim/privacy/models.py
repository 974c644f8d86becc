"""Models of the privacy app (inzage requests; the retention purge's aggregates)."""
