"""The details of one chosen treaty or event, with the sources it rests on (Treaties and Timeline pages)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from relations import filters
from relations.text import md_escape


def sources_table(source_ids: str, sources: pd.DataFrame) -> None:
    """The cited sources as a table whose links open the page each fact was read on."""
    st.dataframe(
        filters.source_list(source_ids, sources)[["citation", "url", "licence"]],
        column_config={"url": st.column_config.LinkColumn("Link")},
        hide_index=True,
    )


def treaty(row: pd.Series, sources: pd.DataFrame) -> None:
    text = row.map(md_escape)
    parties = ", ".join(party.strip() for party in text["parties"].split(";"))
    st.markdown(
        f"**{text['name']}** ({text['scope']} {text['kind']}), signed {text['signed_on'] or 'date unknown'}"
        f"{' at ' + text['place'] if row['place'] else ''}. Parties: {parties}."
    )
    st.markdown(
        f"Ratified: {text['ratified_on'] or '—'} · In force: {text['in_force_on'] or '—'} · Status: {text['status']}"
    )
    if row["note"]:
        st.caption(text["note"])
    sources_table(row["source_ids"], sources)


def event(row: pd.Series, sources: pd.DataFrame) -> None:
    when = row["date"] + (" – " + row["end_date"] if row["end_date"] else "")
    st.subheader(md_escape(f"{when}: {row['title']}"))
    st.markdown(md_escape(row["description"]) or "No description yet.")
    if row["note"]:
        st.caption("Note from the sources: " + md_escape(row["note"]))
    if row.get("source_text"):  # a row from the reader's own upload
        st.markdown("**Source (your upload):** " + md_escape(row["source_text"]))
    else:
        sources_table(row["source_ids"], sources)
