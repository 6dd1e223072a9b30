"""Japan and the Soviet Union, 1917–1991: entry point. Page set-up and navigation only.

This file has two roles. `streamlit run app.py` first reads it, finds `app` (an st.App) and starts the server
with it: before the first visitor arrives, the server imports pandas and builds the home page's figures
(relations/views.py, `warm_up`), which would otherwise make the first visit after a restart slow. Every visit
then runs this file as the script `__main__`: page set-up and navigation over relations/pages.py's list.

The pages live in app_pages/, not pages/: a folder named pages/ beside app.py makes Streamlit fall back to its
legacy file-name navigation for every deep-link visitor until some session runs st.navigation.
"""

from contextlib import asynccontextmanager

import streamlit as st

if __name__ == "__main__":  # a visit
    from relations.ui.frame import FAVICON, navigation, replica_notice, sidebar
    from relations.ui.state import _, show_notices, start_run

    start_run()  # the reader's language, before anything is said
    st.set_page_config(page_title=_("Japan & the USSR, 1917–1991"), page_icon=FAVICON, layout="wide")
    page = navigation()
    sidebar()
    notices = st.container()  # above the page: polite notes about link parameters that could not be used
    replica_notice()
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
