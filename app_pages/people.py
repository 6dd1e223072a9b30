"""People: drawn by relations/screens/people.py."""

from relations.screens import people

people.show()
