"""Japan and the Soviet Union, 1917–1991: entry point. Navigation only."""

import streamlit as st

from relations.state import BASE_CSS

st.set_page_config(page_title="Japan & the USSR, 1917–1991", page_icon="🗾", layout="wide")
st.markdown(BASE_CSS, unsafe_allow_html=True)

pages = [
    st.Page("pages/overview.py", title="Overview", icon="🏠", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon="📅"),
    st.Page("pages/trade.py", title="Trade", icon="📈"),
    st.Page("pages/treaties.py", title="Treaties", icon="📜"),
    st.Page("pages/territories.py", title="Territories", icon="🗺️"),
    st.Page("pages/conflicts.py", title="Conflicts", icon="⚔️"),
    st.Page("pages/people.py", title="People", icon="👤"),
    st.Page("pages/sources.py", title="Sources & data", icon="📚"),
]
st.navigation(pages).run()
