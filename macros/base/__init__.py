"""Foundations every other package stands on: paths, the one error type, the agreed vocabulary, YAML field checks, text helpers."""
