"""Territories: drawn by relations/screens/territories.py."""

from relations.screens import territories

territories.show()
