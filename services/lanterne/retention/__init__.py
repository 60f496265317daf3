"""Retention: policy-as-code lifecycle (plan, approve, apply, audit)."""
