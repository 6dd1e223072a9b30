"""Library behind the Japan–Soviet relations dashboard: loaders, pure filters and chart builders."""
