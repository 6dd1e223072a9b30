"""Japan and the Soviet Union, 1917–1991: entry point. Page set-up and navigation only.

The pages live in app_pages/, not pages/: Streamlit still treats a folder named pages/ as a legacy multipage
app until the first st.navigation call, so the first visitor after a restart who follows a deep link would see
the old file-name navigation (streamlit/runtime/pages_manager.py, "A relic of v1 of Multipage apps").
"""

import streamlit as st

from relations.state import FAVICON, show_notices, sidebar

st.set_page_config(page_title="Japan & the USSR, 1917–1991", page_icon=FAVICON, layout="wide")

pages = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("app_pages/lesson.py", title="Lesson", icon=":material/school:"),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("app_pages/trade.py", title="Trade", icon=":material/show_chart:"),
    st.Page("app_pages/treaties.py", title="Treaties", icon=":material/history_edu:"),
    st.Page("app_pages/territories.py", title="Territories", icon=":material/map:"),
    st.Page("app_pages/conflicts.py", title="Conflicts", icon=":material/swords:"),
    st.Page("app_pages/people.py", title="People", icon=":material/groups:"),
    st.Page("app_pages/sources.py", title="Sources & data", icon=":material/menu_book:"),
]
page = st.navigation(pages)
sidebar()
notices = st.container()  # above the page: polite notes about link parameters that could not be used
page.run()
with notices:
    show_notices()
