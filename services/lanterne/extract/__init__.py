"""Extract: bytes in, text segments and structured fields out, within limits. Pure: imports no engine."""
