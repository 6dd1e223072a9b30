"""Conflicts: drawn by relations/screens/conflicts.py."""

from relations.screens import conflicts

conflicts.show()
