"""Map layers for the Territories page, cut from the Natural Earth extracts in data/raw/geo/.

Writes data/geo/map_layers.geojson: the territories whose holder changed (southern and northern Sakhalin split
at the sourced 50th parallel, the Kurils and each of the four disputed islands), context land, and cities.
Shapely is a build-time dependency only (requirements-dev.txt); the app reads the finished GeoJSON.
"""

from __future__ import annotations

import json

from shapely.geometry import box, mapping, shape
from shapely.ops import unary_union

from build.common import CURATED, RAW, read_csv

GEO = RAW / "geo"
TOLERANCE = 0.01  # degrees (~1 km): invisible at this map's scale, keeps the file small for phones
# The cities the map marks: those data/curated/city_names.csv names (one list for the map and its names).
CITIES = tuple(dict.fromkeys(row["city"] for row in read_csv(CURATED / "city_names.csv")))


def _round(geom):
    return json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), 3))


def build_layers() -> str:
    land = json.loads((GEO / "ne_10m_land_nw_pacific.geojson").read_text(encoding="utf-8"))["features"]
    latitude = float(read_csv(CURATED / "boundaries.csv")[0]["latitude"])  # sakhalin-50n
    parts: dict[str, list] = {
        k: []
        for k in (
            "south_sakhalin",
            "north_sakhalin",
            "kuril_north_central",
            "etorofu",
            "kunashiri",
            "shikotan",
            "habomai",
            "context",
        )
    }
    unnamed_disputed = []
    for f in land:
        geom = shape(f["geometry"])
        names = f["properties"].get("ne_region_names") or []
        c = geom.representative_point()
        if "SAKHALIN" in names:
            parts["south_sakhalin"].append(geom.intersection(box(140, 40, 146, latitude)))
            parts["north_sakhalin"].append(geom.intersection(box(140, latitude, 146, 56)))
        elif f["properties"].get("in_ne_kuril_disputed_area"):
            if "Iturup" in names:
                parts["etorofu"].append(geom)
            elif "Kunashir" in names:
                parts["kunashiri"].append(geom)
            else:
                unnamed_disputed.append(geom)
        elif "KAMCHATKA PENINSULA" not in names and 147.5 <= c.x <= 157 and 45.4 <= c.y <= 51:
            # Natural Earth names only some Kuril islands; the rest of the chain lies in this band.
            parts["kuril_north_central"].append(geom)
        else:
            parts["context"].append(geom)
    # NE leaves Shikotan and the Habomai islets unnamed (PROVENANCE): Shikotan is the one large island among
    # the five unnamed polygons of the disputed area, the Habomai islets the four small ones.
    unnamed_disputed.sort(key=lambda g: g.area, reverse=True)
    parts["shikotan"].append(unnamed_disputed[0])
    parts["habomai"].extend(unnamed_disputed[1:])

    features = []
    for territory_id, geoms in parts.items():
        geom = unary_union(geoms).simplify(TOLERANCE, preserve_topology=True)
        layer = "context" if territory_id == "context" else "territory"
        point = geom.representative_point()
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "layer": layer,
                    "territory_id": territory_id,
                    "label_lon": round(point.x, 3),
                    "label_lat": round(point.y, 3),
                },
                "geometry": _round(geom),
            }
        )
    places = json.loads((GEO / "ne_50m_populated_places_nw_pacific.geojson").read_text(encoding="utf-8"))
    for f in places["features"]:
        p = f["properties"]
        if p["name"] in CITIES:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"layer": "city", "name": p["name"], "country_today": p["adm0name"]},
                    "geometry": f["geometry"],
                }
            )
    return (
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
        + "\n"
    )
