"""Lanterne: lights up the dark health data on hospital file servers.

Data flows one way: agent -> FileEvent -> processor (extract -> detect -> decide -> score) -> FileVerdict -> index
-> retention. Each subpackage does one of those jobs; see DESIGN.md in the shared folder and README.md.
"""

__version__ = "0.1.0"
