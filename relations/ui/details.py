"""The details of one chosen treaty or event, with the sources it rests on (Treaties and Timeline pages)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from relations import filters
from relations.i18n import tr
from relations.text import md_escape
from relations.ui.state import _, language


def sources_table(source_ids: str, sources: pd.DataFrame) -> None:
    """The cited sources as a table whose links open the page each fact was read on."""
    st.dataframe(
        filters.source_list(source_ids, sources)[["citation", "url", "licence"]],
        column_config={
            "citation": _("Citation"),
            "url": st.column_config.LinkColumn(_("Link")),
            "licence": _("Licence"),
        },
        hide_index=True,
    )


def treaty(row: pd.Series, sources: pd.DataFrame) -> None:
    t = tr(language())
    text = row.map(md_escape)
    parties = ", ".join(party.strip() for party in text["parties"].split(";"))
    signed = md_escape(t.date(row["signed_on"])) if row["signed_on"] else _("date unknown")
    if row["place"]:
        st.markdown(
            _(
                "**{name}** ({scope} {kind}), signed {date} at {place}. Parties: {parties}.",
                name=text["name"],
                scope=text["scope"],
                kind=text["kind"],
                date=signed,
                place=text["place"],
                parties=parties,
            )
        )
    else:
        st.markdown(
            _(
                "**{name}** ({scope} {kind}), signed {date}. Parties: {parties}.",
                name=text["name"],
                scope=text["scope"],
                kind=text["kind"],
                date=signed,
                parties=parties,
            )
        )
    st.markdown(
        _(
            "Ratified: {ratified} · In force: {in_force} · Status: {status}",
            ratified=md_escape(t.date(row["ratified_on"])) or "—",
            in_force=md_escape(t.date(row["in_force_on"])) or "—",
            status=text["status"],
        )
    )
    if row["note"]:
        st.caption(text["note"])
    sources_table(row["source_ids"], sources)


def event(row: pd.Series, sources: pd.DataFrame) -> None:
    t = tr(language())
    st.subheader(md_escape(_("{when}: {title}", when=t.span(row["date"], row["end_date"]), title=row["title"])))
    st.markdown(md_escape(row["description"]) or _("No description yet."))
    if row["note"]:
        st.caption(_("Note from the sources: {note}", note=md_escape(row["note"])))
    if row.get("source_text"):  # a row from the reader's own upload
        st.markdown(_("**Source (your upload):** {source}", source=md_escape(row["source_text"])))
    else:
        sources_table(row["source_ids"], sources)
