"""Overview: drawn by relations/screens/overview.py."""

from relations.screens import overview

overview.show()
