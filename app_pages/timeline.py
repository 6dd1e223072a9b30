"""Timeline: drawn by relations/screens/timeline.py."""

from relations.screens import timeline

timeline.show()
