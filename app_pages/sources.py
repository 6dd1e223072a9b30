"""Sources & data: drawn by relations/screens/sources.py."""

from relations.screens import sources

sources.show()
