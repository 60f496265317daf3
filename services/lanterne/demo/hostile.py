"""Hostile and odd inputs a real share holds: random bytes and a very long line (corrupt and encrypted files are in
``containers``, next to the documents they break)."""

from __future__ import annotations

from lanterne.demo.context import Ctx
from lanterne.demo.labels import Planted
from lanterne.demo.letters import fmt_nir

_WORDS = ("le", "la", "de", "et", "dossier", "suivi", "compte", "rendu", "service", "archive", "copie", "mise", "à",
          "jour", "du", "fichier", "export", "ligne", "valeur", "donnée")  # fmt: skip


def random_bytes(ctx: Ctx, size: int = 0) -> bytes:
    """Uniform random bytes (an orphan .dat/.bin from some appliance)."""
    return ctx.rng.randbytes(size or ctx.rng.randint(2_000, 60_000))


def long_line(ctx: Ctx, chars: int = 1_200_000) -> tuple[bytes, Planted]:
    """One ~1.2 MB line without a newline, with one social-security number in context near the middle.

    Tests that a reader neither chokes on the line nor misses what sits inside it (personal data, not health).
    """
    rng = ctx.rng
    planted = Planted()
    staff = ctx.people.staff()
    words: list[str] = []
    size = 0
    while size < chars:
        w = rng.choice(_WORDS)
        words.append(w)
        size += len(w) + 1
    middle = len(words) // 2
    words.insert(middle, f"assuré n° {fmt_nir(ctx, planted.add('NIR', staff.nir))}")
    return " ".join(words).encode("utf-8"), planted
