"""Japan and the Soviet Union, 1917–1991: entry point. Page set-up and navigation only.

This file has two roles. `streamlit run app.py` first reads it, finds `app` (an st.App) and starts the server
with it: before the first visitor arrives, the server imports pandas and builds the home page's figures
(relations/views.py, `warm_up`), which would otherwise make the first visit after a restart slow. Every visit
then runs this file as the script `__main__`: page set-up and navigation.

The pages live in app_pages/, not pages/: Streamlit still treats a folder named pages/ as a legacy multipage
app until the first st.navigation call, so the first visitor after a restart who follows a deep link would see
the old file-name navigation (streamlit/runtime/pages_manager.py, "A relic of v1 of Multipage apps").
"""

from contextlib import asynccontextmanager

import streamlit as st

if __name__ == "__main__":  # a visit
    from relations.pages import pages
    from relations.state import FAVICON, show_notices, sidebar

    st.set_page_config(page_title="Japan & the USSR, 1917–1991", page_icon=FAVICON, layout="wide")

    page = st.navigation(list(pages().values()))
    sidebar()
    notices = st.container()  # above the page: polite notes about link parameters that could not be used
    page.run()
    with notices:
        show_notices()
else:  # the server starting

    @asynccontextmanager
    async def _lifespan(_app):
        from relations.views import warm_up

        warm_up()
        yield

    app = st.App(__file__, lifespan=_lifespan)
