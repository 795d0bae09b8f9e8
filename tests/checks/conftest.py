"""Shared fixtures for the check tests."""
from __future__ import annotations
