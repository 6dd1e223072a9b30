"""What each page draws, one module per page, each with a `show()` that the thin page file in app_pages/ calls.

The page bodies live here rather than in the page files because a module is compiled once per process, while
Streamlit's test harness (AppTest) compiles a page file again on every run; and names inside a function are
local, which makes each run a little cheaper for every session too.
"""
