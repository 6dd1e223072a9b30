"""The app's pages, made once per session instead of on every run.

st.Page looks its file up on disk when it is made (it resolves the path and checks that the file exists), so
making nine of them on every run of every session was a fixed cost of each click. A session keeps the ones it
made in its session state; sessions never share them, because st.navigation marks the chosen Page object as the
one allowed to run, and two sessions running at once must not see each other's mark.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st


class PageInfo(NamedTuple):
    name: str  # file stem in app_pages/, which is also the page's URL path
    title: str
    icon: str


PAGES = (
    PageInfo("overview", "Overview", ":material/home:"),
    PageInfo("lesson", "Lesson", ":material/school:"),
    PageInfo("timeline", "Timeline", ":material/timeline:"),
    PageInfo("trade", "Trade", ":material/show_chart:"),
    PageInfo("treaties", "Treaties", ":material/history_edu:"),
    PageInfo("territories", "Territories", ":material/map:"),
    PageInfo("conflicts", "Conflicts", ":material/swords:"),
    PageInfo("people", "People", ":material/groups:"),
    PageInfo("sources", "Sources & data", ":material/menu_book:"),
)
_KEY = "_pages"


def pages() -> dict[str, st.Page]:
    """This session's st.Page objects by name, the first (the overview) being the default page."""
    made = st.session_state.get(_KEY)
    if made is None:
        made = {
            info.name: st.Page(f"app_pages/{info.name}.py", title=info.title, icon=info.icon, default=i == 0)
            for i, info in enumerate(PAGES)
        }
        st.session_state[_KEY] = made
    return made


def link(name: str, label: str) -> None:
    """A link to another page of the app, with that page's icon."""
    page = pages()[name]
    st.page_link(page, label=label, icon=page.icon)
