"""The Timeline's "Add your own events" panel: a teacher's or student's CSV, kept in this browser session only.

Reading and checking the file is relations.uploads (pure); this module draws the panel. The template is made
only when its button is clicked, so the panel costs nothing on the many reruns where nobody uploads.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from relations import data, uploads

KEY = "uploaded_events"  # where this session's accepted events are kept


def template() -> str:
    """A CSV with the upload's columns and one example row (the first treaty in the events table)."""
    events = data.events()
    example = events[events["category"] == "treaty"].iloc[0]
    return uploads.template(
        {
            "date": example["date"],
            "title": "Example: " + example["title"],
            "category": "treaty",
            "description": "Replace this row with your own events.",
            "source": "Where you read it",
        }
    )


def mine() -> pd.DataFrame | None:
    """The events this session uploaded, or None."""
    return st.session_state.get(KEY)


def panel() -> None:
    # Lazy: the uploader is drawn only while the reader has the panel open; accepted events stay in the session.
    expander = st.expander(
        "Add your own events (kept in this browser session only)", key="my_events", on_change="rerun"
    )
    if not expander.open:
        return
    with expander:
        st.download_button(
            "Download the template (CSV)",
            template,
            "my_events_template.csv",
            "text/csv",
            key="download_template",
            on_click="ignore",
        )
        file = st.file_uploader(
            f"Your CSV (columns date, end_date, title, category, description, source; up to {uploads.MAX_ROWS} rows)",
            type=["csv"],
            key="upload",
        )
        if file is not None:
            try:
                result = uploads.read_upload(file.getvalue())
            except uploads.UploadRefused as refused:
                st.warning(str(refused), icon=":material/block:")
            else:
                st.session_state[KEY] = result.events
                st.success(f"{len(result.events)} events added to the timeline for this session.")
                if result.problems:
                    st.warning(f"{len(result.problems)} rows were left out:")
                    st.dataframe(pd.DataFrame(result.problems, columns=["line", "reason"]), hide_index=True)
        elif mine() is not None and st.button("Remove my events", key="remove_upload"):
            del st.session_state[KEY]
            st.rerun()
