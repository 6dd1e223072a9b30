"""A minimal Streamlit websocket client: open a new session on a page, run it, collect what it shows.

Speaks the browser's protocol (BackMsg / ForwardMsg protobufs over /_stcore/stream) with the protobuf
classes that ship inside the streamlit package and its `websockets` dependency, so 40 "students" cost 40
sockets, not 40 browsers. Used by the benchmark (bench/run.py) and the many-users test.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


@dataclass
class PageRun:
    page: str
    query: str
    seconds: float = 0.0
    bytes_received: int = 0
    finished: str = ""
    exceptions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # st.error alerts (data problems)
    notices: list[str] = field(default_factory=list)  # the other alerts (st.info, st.warning)
    texts: list[str] = field(default_factory=list)  # markdown bodies, in order


async def open_session(base_url: str):
    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    return await connect(
        ws_url, subprotocols=["streamlit"], max_size=64 * 1024 * 1024, open_timeout=60, ping_interval=None
    )


async def run_page(conn, page: str, query: str = "", timeout: float = 120.0) -> PageRun:
    """Ask the server to run `page` (its URL path, '' for the default page) and wait until the run ends."""
    result = PageRun(page, query)
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    start = time.perf_counter()
    try:
        await conn.send(msg.SerializeToString())
    except ConnectionClosed as exc:  # the server went away before this run: that is the run's outcome
        result.finished = type(exc).__name__
        return result
    deadline = start + timeout
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            result.finished = "timeout"
            break
        try:
            raw = await asyncio.wait_for(conn.recv(), remaining)
        except (TimeoutError, ConnectionError, ConnectionClosed) as exc:  # a server that died is an answer too
            result.finished = type(exc).__name__
            break
        if isinstance(raw, str):
            continue
        result.bytes_received += len(raw)
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                result.exceptions.append(element.exception.message)
            elif which == "alert" and element.alert.format == element.alert.ERROR:
                result.errors.append(element.alert.body)
            elif which == "alert":
                result.notices.append(element.alert.body)
            elif which == "markdown":
                result.texts.append(element.markdown.body)
        elif kind == "script_finished":
            if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue
            result.finished = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
            break
    result.seconds = time.perf_counter() - start
    return result


async def visit(base_url: str, page: str, query: str = "") -> PageRun:
    """One new session (a student opening the link) that runs one page and disconnects."""
    conn = await open_session(base_url)
    try:
        return await run_page(conn, page, query)
    finally:
        await conn.close()


async def class_at_once(base_url: str, page: str, students: int, query: str = "") -> tuple[float, list[PageRun]]:
    """`students` new sessions on one page at the same moment; wall time until every script finished."""
    start = time.perf_counter()
    runs = await asyncio.gather(*(visit(base_url, page, query) for _ in range(students)))
    return time.perf_counter() - start, list(runs)
