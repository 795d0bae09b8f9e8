"""Stable identities for findings, for baselines and CI systems.

A fingerprint must survive edits elsewhere in the document, so it is built
from the path, the rule code, the check and the message with every line
reference taken out: the figures and their wording stay, their positions go.
"""

from __future__ import annotations

import hashlib
import re

from checks.model import Finding

_LINE_REFERENCE = re.compile(r"\s*\(?\b(?:from\s+)?lines?\s+\d+(?:\s*(?:-|to|and)\s*\d+)?\)?")


def normalised_message(message: str) -> str:
    """Return the message without line references and with spaces collapsed."""
    return " ".join(_LINE_REFERENCE.sub("", message).split()).lower()


def fingerprint(finding: Finding) -> str:
    """Return a 16-hex-digit fingerprint of a finding, independent of line numbers."""
    key = "\x1f".join(
        (
            finding.path.replace("\\", "/"),
            finding.code,
            finding.check,
            normalised_message(finding.message),
        )
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
