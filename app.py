"""Japan and the Soviet Union, 1917–1991: entry point. Navigation only."""

from pathlib import Path

import streamlit as st

from relations.state import BASE_CSS

ICON = Path(__file__).parent / "assets" / "icon.png"
st.set_page_config(page_title="Japan & the USSR, 1917–1991", page_icon=str(ICON), layout="wide")
st.markdown(BASE_CSS, unsafe_allow_html=True)

pages = [
    st.Page("pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/trade.py", title="Trade", icon=":material/show_chart:"),
    st.Page("pages/treaties.py", title="Treaties", icon=":material/history_edu:"),
    st.Page("pages/territories.py", title="Territories", icon=":material/map:"),
    st.Page("pages/conflicts.py", title="Conflicts", icon=":material/swords:"),
    st.Page("pages/people.py", title="People", icon=":material/groups:"),
    st.Page("pages/sources.py", title="Sources & data", icon=":material/menu_book:"),
]
st.navigation(pages).run()
