"""Classify: the processor stages for one file (read -> extract -> detect -> decide -> score) -> FileVerdict."""
