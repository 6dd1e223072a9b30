"""Japan and the Soviet Union, 1917–1991: entry point. Page set-up and navigation only.

The pages live in app_pages/, not pages/: Streamlit still treats a folder named pages/ as a legacy multipage
app until the first st.navigation call, so the first visitor after a restart who follows a deep link would see
the old file-name navigation (streamlit/runtime/pages_manager.py, "A relic of v1 of Multipage apps").
"""

import streamlit as st

from relations.pages import pages
from relations.state import FAVICON, show_notices, sidebar

st.set_page_config(page_title="Japan & the USSR, 1917–1991", page_icon=FAVICON, layout="wide")

page = st.navigation(list(pages().values()))
sidebar()
notices = st.container()  # above the page: polite notes about link parameters that could not be used
page.run()
with notices:
    show_notices()
