"""Errors of the Typesense engine; all are :class:`index.errors.NewsdeskError`, one line each."""

from __future__ import annotations

from index.api.errors import NewsdeskError


class TypesenseError(NewsdeskError):
    """Base of the Typesense engine's errors."""


class SettingsError(TypesenseError):
    """A backend URL, the ``backend:`` config section or the API key cannot be used."""


class ServerMissing(TypesenseError):
    """The Typesense server wheel is not installed (the ``cluster`` extra)."""


class ClusterError(TypesenseError):
    """A local cluster cannot be started, inspected or stopped."""
