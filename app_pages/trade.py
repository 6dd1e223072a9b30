"""Trade: drawn by relations/screens/trade.py."""

from relations.screens import trade

trade.show()
