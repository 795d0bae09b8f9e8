"""JUnit XML, for GitLab's test report, Jenkins and other CI test views.

One ``<testsuite name="figcheck">`` holds a failing testcase per finding:
``classname`` and ``file`` are the document's path and ``name`` is
``CODE LINE:COL`` (GitLab merges testcases with equal names, so the location
belongs in the name).  The ``<failure>`` carries the message as its
``message``, the code as its ``type``, and the message, hint and related
figures as its text.  A clean run is one passing testcase, so CI shows that
the check ran.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from junitparser import Attr, Failure, JUnitXml, TestCase, TestSuite

from checks.catalog import CATALOG
from checks.model import Finding, RunResult

FORMAT = "junit"
SUITE_NAME = "figcheck"
CLEAN_CASE = "no findings"

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECLARATION = re.compile(r"^<\?xml[^>]*\?>\s*")


class _LocatedTestCase(TestCase):
    """A testcase with the ``file`` attribute GitLab and Jenkins read."""

    file = Attr()


def render(result: RunResult) -> str:
    suite = TestSuite(SUITE_NAME)
    if result.findings:
        suite.add_testcases([testcase(finding) for finding in result.findings])
    else:
        suite.add_testcase(_LocatedTestCase(CLEAN_CASE, classname=SUITE_NAME, time=0.0))
    report = JUnitXml(SUITE_NAME)
    report.add_testsuite(suite)
    report.update_statistics()
    return _serialised(report)


def testcase(finding: Finding) -> TestCase:
    """Return the failing testcase for one finding."""
    path = _clean(finding.path.replace("\\", "/"))
    case = _LocatedTestCase(
        f"{finding.code} {finding.line}:{finding.column}", classname=path, time=0.0
    )
    case.file = path
    failure = Failure(_clean(finding.message), finding.code)
    failure.text = _clean(details(finding))
    case.result = [failure]
    return case


def details(finding: Finding) -> str:
    """Return the failure text: where, which rule, the message, hint and related figures."""
    slug = CATALOG[finding.rule].slug
    lines = [
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {slug} "
        f"[{finding.severity.value}] ({finding.check})",
        finding.message,
    ]
    if finding.hint:
        lines.append(f"hint: {finding.hint}")
    for related in finding.related:
        role = f"{related.role}: " if related.role else ""
        lines.append(
            f'related: {role}"{related.text}" at {related.path}:{related.line}:{related.column}'
        )
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _serialised(report: JUnitXml) -> str:
    # Re-read with the standard library so the output is the same whether
    # junitparser built it with lxml or ElementTree, then indent it for people.
    tree = ElementTree.fromstring(report.tostring())
    ElementTree.indent(tree)
    body = _DECLARATION.sub("", ElementTree.tostring(tree, encoding="unicode"))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
