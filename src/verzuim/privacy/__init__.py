"""Privacy duties (issue 12, R-PR-1..5): inzage, the processing log per person, retention."""
