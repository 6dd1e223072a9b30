"""The build: rebuilds the tidy tables in data/ from the raw extracts (data/raw/) and our editorial tables
(data/curated/). One module per family of tables; `orchestrator` runs them in one direction and writes."""
