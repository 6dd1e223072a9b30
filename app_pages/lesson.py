"""Lesson: drawn by relations/screens/lesson.py."""

from relations.screens import lesson

lesson.show()
