"""Stage 2: documents to figures (value, interval, noun, metric, entity, scope, line)."""

from __future__ import annotations

from checks.extract.figures import Vocabulary, extract_figures
from checks.extract.numbers import find_quantities

__all__ = ["Vocabulary", "extract_figures", "find_quantities"]
