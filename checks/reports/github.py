"""GitHub Actions workflow commands: one annotation a finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE slug::message``.
Severities map to ``error``, ``warning`` and ``notice``.  GitHub takes columns
only for a finding on one line, so ``col`` and ``endColumn`` are left out when
a finding spans lines; ``endColumn`` is exclusive, as figcheck's positions
are.  GitHub shows at most 10 annotations of each level per step: the step
summary (the CLI's job) carries the rest.
"""

from __future__ import annotations

from checks.catalog import CATALOG
from checks.model import Finding, RunResult, Severity

FORMAT = "github"
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(result: RunResult) -> str:
    return "".join(annotation(finding) + "\n" for finding in result.findings)


def annotation(finding: Finding) -> str:
    """Return the workflow command that annotates one finding."""
    properties = ",".join(
        f"{name}={escape_property(value)}" for name, value in _properties(finding)
    )
    return f"::{COMMANDS[finding.severity]} {properties}::{escape_data(_message(finding))}"


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(finding: Finding) -> list[tuple[str, str]]:
    line = max(finding.line, 1)
    end_line = max(finding.end_line or line, line)
    properties = [("file", repository_path(finding.path)), ("line", str(line))]
    if end_line == line:
        properties.append(("col", str(max(finding.column, 1))))
    properties.append(("endLine", str(end_line)))
    if end_line == line and finding.end_column is not None:
        properties.append(("endColumn", str(max(finding.end_column, finding.column, 1))))
    properties.append(("title", f"{finding.code} {CATALOG[finding.rule].slug}"))
    return properties


def repository_path(path: str) -> str:
    """Return a path with forward slashes and without a leading ``./``."""
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def _message(finding: Finding) -> str:
    return f"{finding.message}\nHint: {finding.hint}" if finding.hint else finding.message
