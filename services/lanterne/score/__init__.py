"""Score: sensitivity and dark score from signals, staleness, exposure, duplication. Pure: imports no engine."""
