"""The Timeline's "Add your own events" panel: a teacher's or student's CSV, kept in this browser session only.

Reading and checking the file is relations.uploads (pure); this module draws the panel. The template is made
only when its button is clicked, so the panel costs nothing on the many reruns where nobody uploads.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from relations import data, uploads
from relations.ui.state import _, language, n_

KEY = "uploaded_events"  # where this session's accepted events are kept


def template() -> str:
    """A CSV with the upload's columns and one example row (the first treaty in the events table)."""
    events = data.events()
    example = events[events["category"] == "treaty"].iloc[0]
    return uploads.template(
        {
            "date": example["date"],
            "title": "Example: " + example["title"],  # column values stay English: the upload's own words
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
        _("Add your own events (kept in this browser session only)"), key="my_events", on_change="rerun"
    )
    if not expander.open:
        return
    with expander:
        st.download_button(
            _("Download the template (CSV)"),
            template,
            "my_events_template.csv",
            "text/csv",
            key="download_template",
            on_click="ignore",
        )
        file = st.file_uploader(
            _(
                "Your CSV (columns date, end_date, title, category, description, source; up to {rows} rows)",
                rows=uploads.MAX_ROWS,
            ),
            type=["csv"],
            key="upload",
        )
        if file is not None:
            try:
                result = uploads.read_upload(file.getvalue())
            except uploads.UploadRefused as refused:
                st.warning(refused.msg.render(language()), icon=":material/block:")
            else:
                st.session_state[KEY] = result.events
                st.success(
                    n_(
                        "{count} event added to the timeline for this session.",
                        "{count} events added to the timeline for this session.",
                        len(result.events),
                    )
                )
                if result.problems:
                    st.warning(n_("{count} row was left out:", "{count} rows were left out:", len(result.problems)))
                    lang = language()
                    reasons = [(line, reason.render(lang)) for line, reason in result.problems]
                    st.dataframe(
                        pd.DataFrame(reasons, columns=["line", "reason"]),
                        hide_index=True,
                        column_config={"line": _("Line"), "reason": _("Reason")},
                    )
        elif mine() is not None and st.button(_("Remove my events"), key="remove_upload"):
            del st.session_state[KEY]
            st.rerun()
