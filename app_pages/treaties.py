"""Treaties: drawn by relations/screens/treaties.py."""

from relations.screens import treaties

treaties.show()
