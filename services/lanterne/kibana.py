"""Kibana saved objects for the Lanterne index, and their import through Kibana's saved-objects API.

The objects are built here (a data view on the index, Lens visualisations, one "dark data" dashboard) rather than
kept as a hand-edited ndjson file: their ids and the data view's title follow the configured index name, and
Kibana's ndjson embeds JSON documents as strings, which code writes more reliably than people. ``schemas/kibana/``
holds the export for the default index (``python -m lanterne.kibana``); a unit test keeps it up to date.

Every visualisation leaves out tombstones (``deleted: true``, see ``lanterne.index.elasticsearch``). The data view
has no time field on purpose: dark data is old, and a time picker filtering on the modification date would hide it
by default; age is shown by the modification-year histogram instead.
"""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lanterne.errors import InfrastructureError
from lanterne.index.base import SENSITIVITY_BUCKETS
from lanterne.index.es_template import DEFAULT_INDEX
from lanterne.settings import ElasticsearchSettings

_LIVE_QUERY = {"query": "not deleted : true", "language": "kuery"}
_LENS_VERSION = {"coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.9.0"}
_LAYER = "layer1"


def _terms(label: str, source: str, size: int, order_by: str) -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "string",
        "operationType": "terms",
        "scale": "ordinal",
        "sourceField": source,
        "isBucketed": True,
        "params": {
            "size": size,
            "orderBy": {"type": "column", "columnId": order_by},
            "orderDirection": "desc",
            "otherBucket": True,
            "missingBucket": False,
        },
    }


def _metric(label: str, operation: str, source: str) -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "number",
        "operationType": operation,
        "scale": "ratio",
        "sourceField": source,
        "isBucketed": False,
        "params": {"emptyAsNull": True},
    }


_FILES = _metric("Files", "count", "___records___")


def _sensitivity_ranges() -> dict[str, Any]:
    return {
        "label": "Sensitivity",
        "dataType": "number",
        "operationType": "range",
        "scale": "ordinal",
        "sourceField": "sensitivity",
        "isBucketed": True,
        "params": {
            "type": "range",
            "maxBars": "auto",
            "ranges": [{"from": lo, "to": hi + 1, "label": key} for key, lo, hi in SENSITIVITY_BUCKETS],
        },
    }


def _date_histogram(label: str, source: str, interval: str) -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "date",
        "operationType": "date_histogram",
        "scale": "interval",
        "sourceField": source,
        "isBucketed": True,
        "params": {"interval": interval, "includeEmptyRows": False, "dropPartials": False},
    }


def _lens(
    object_id: str, title: str, data_view: str, columns: dict[str, dict[str, Any]], visualization: dict[str, Any]
) -> dict[str, Any]:
    vis_type, vis_state = visualization["type"], visualization["state"]
    return {
        "id": object_id,
        "type": "lens",
        **_LENS_VERSION,
        "attributes": {
            "title": title,
            "description": "",
            "visualizationType": vis_type,
            "state": {
                "datasourceStates": {
                    "formBased": {
                        "layers": {_LAYER: {"columns": columns, "columnOrder": list(columns), "incompleteColumns": {}}}
                    }
                },
                "visualization": vis_state,
                "query": _LIVE_QUERY,
                "filters": [],
            },
        },
        "references": [
            {"type": "index-pattern", "id": data_view, "name": f"indexpattern-datasource-layer-{_LAYER}"},
        ],
    }


def _pie(group: str, metric: str) -> dict[str, Any]:
    layer = {
        "layerId": _LAYER,
        "layerType": "data",
        "primaryGroups": [group],
        "metrics": [metric],
        "numberDisplay": "value",
        "categoryDisplay": "default",
        "legendDisplay": "show",
    }
    return {"type": "lnsPie", "state": {"shape": "donut", "layers": [layer]}}


def _bars(x: str, accessors: list[str], split: str | None = None, horizontal: bool = False) -> dict[str, Any]:
    series = "bar_horizontal_stacked" if horizontal else "bar_stacked"
    layer: dict[str, Any] = {
        "layerId": _LAYER,
        "layerType": "data",
        "seriesType": series,
        "xAccessor": x,
        "accessors": accessors,
    }
    if split is not None:
        layer["splitAccessor"] = split
    return {
        "type": "lnsXY",
        "state": {
            "preferredSeriesType": series,
            "legend": {"isVisible": True, "position": "right"},
            "valueLabels": "hide",
            "layers": [layer],
        },
    }


def _table(columns: Sequence[str]) -> dict[str, Any]:
    return {
        "type": "lnsDatatable",
        "state": {"layerId": _LAYER, "layerType": "data", "columns": [{"columnId": c} for c in columns]},
    }


def saved_objects(index: str = DEFAULT_INDEX) -> list[dict[str, Any]]:
    """The data view, the visualisations and the dashboard, for ``index``; ids are stable (re-import replaces)."""
    view = index
    p = f"{index}-"
    health = _terms("Health data", "health_data", 2, "files")
    panels: list[tuple[dict[str, Any], int, int, int, int]] = [
        (
            _lens(
                f"{p}by-sensitivity",
                "Files by sensitivity",
                view,
                {"sensitivity": _sensitivity_ranges(), "files": _FILES},
                _pie("sensitivity", "files"),
            ),
            0,
            0,
            16,
            15,
        ),
        (
            _lens(
                f"{p}by-identifier",
                "Files by identifier type",
                view,
                {"type": _terms("Identifier type", "identifier_types", 15, "files"), "files": _FILES},
                _bars("type", ["files"], horizontal=True),
            ),
            16,
            0,
            16,
            15,
        ),
        (
            _lens(
                f"{p}by-age",
                "Files by last modification (year)",
                view,
                {"year": _date_histogram("Last modified", "mtime", "1y"), "files": _FILES, "health": health},
                _bars("year", ["files"], split="health"),
            ),
            32,
            0,
            16,
            15,
        ),
        (
            _lens(
                f"{p}top-folders",
                "Folders by mean dark score",
                view,
                {
                    "folder": _terms("Folder", "folder", 20, "dark"),
                    "dark": _metric("Mean dark score", "average", "dark_score"),
                    "files": _FILES,
                    "bytes": _metric("Bytes", "sum", "size"),
                },
                _table(["folder", "dark", "files", "bytes"]),
            ),
            0,
            15,
            24,
            18,
        ),
        (
            _lens(
                f"{p}over-time",
                "Files classified over time",
                view,
                {"when": _date_histogram("Classified", "classified_at", "auto"), "files": _FILES, "health": health},
                _bars("when", ["files"], split="health"),
            ),
            24,
            15,
            24,
            18,
        ),
    ]
    data_view = {
        "id": view,
        "type": "index-pattern",
        "coreMigrationVersion": "8.8.0",
        "typeMigrationVersion": "8.0.0",
        "attributes": {"title": index, "name": f"Lanterne files ({index})", "fieldAttrs": "{}"},
        "references": [],
    }
    return [data_view, *(lens for lens, *_ in panels), _dashboard(f"{p}dark-data", panels)]


def _dashboard(object_id: str, panels: Sequence[tuple[dict[str, Any], int, int, int, int]]) -> dict[str, Any]:
    panel_json = []
    references = []
    for n, (lens, x, y, w, h) in enumerate(panels, start=1):
        panel_index = f"p{n}"
        panel_json.append(
            {
                "type": "lens",
                "panelIndex": panel_index,
                "gridData": {"x": x, "y": y, "w": w, "h": h, "i": panel_index},
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{panel_index}",
            }
        )
        references.append({"type": "lens", "id": lens["id"], "name": f"{panel_index}:panel_{panel_index}"})
    return {
        "id": object_id,
        "type": "dashboard",
        "coreMigrationVersion": "8.8.0",
        "typeMigrationVersion": "8.9.0",
        "attributes": {
            "title": "Lanterne: dark data",
            "description": "Files holding personal and health data, by sensitivity, identifier type, age and folder.",
            "panelsJSON": json.dumps(panel_json),
            "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "hidePanelTitles": False}),
            "timeRestore": False,
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": json.dumps({"query": _LIVE_QUERY, "filter": []}),
            },
        },
        "references": references,
    }


def to_ndjson(objects: Sequence[dict[str, Any]]) -> bytes:
    """One JSON object per line, as Kibana exports and imports them."""
    return "".join(json.dumps(o, sort_keys=True) + "\n" for o in objects).encode()


@dataclass(slots=True)
class ImportResult:
    success: bool
    success_count: int
    errors: list[str] = field(default_factory=list)


def _auth_headers(settings: ElasticsearchSettings) -> dict[str, str]:
    """Kibana takes the same credentials as Elasticsearch: an API key, or basic auth."""
    if settings.api_key is not None:
        return {"Authorization": f"ApiKey {settings.api_key.get_secret_value()}"}
    if settings.username is not None:
        password = settings.password.get_secret_value() if settings.password is not None else ""
        token = base64.b64encode(f"{settings.username}:{password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}
    return {}


def import_saved_objects(settings: ElasticsearchSettings, ndjson: bytes, timeout_s: float = 30.0) -> ImportResult:
    """``POST /api/saved_objects/_import?overwrite=true`` with the ndjson as a multipart file.

    urllib3 rather than the Elasticsearch client: Kibana is another service (no product check, multipart body),
    and urllib3 already comes with the client. Raises ``InfrastructureError`` when Kibana is unreachable or
    refuses the request as a whole; per-object problems come back in ``ImportResult.errors``.
    """
    import urllib3

    pool = urllib3.PoolManager(
        cert_reqs="CERT_REQUIRED" if settings.verify_certs else "CERT_NONE",
        ca_certs=str(settings.ca_certs) if settings.ca_certs else None,
        timeout=urllib3.Timeout(total=timeout_s),
        retries=urllib3.Retry(total=3, backoff_factor=0.25, status_forcelist=(502, 503, 504), allowed_methods=None),
    )
    body, content_type = urllib3.encode_multipart_formdata({"file": ("lanterne.ndjson", ndjson, "application/ndjson")})
    url = settings.kibana_url.rstrip("/") + "/api/saved_objects/_import?overwrite=true"
    headers = {"kbn-xsrf": "lanterne", "Content-Type": content_type, **_auth_headers(settings)}
    try:
        response = pool.request("POST", url, body=body, headers=headers)
    except urllib3.exceptions.HTTPError as exc:
        raise InfrastructureError(f"Kibana at {settings.kibana_url} unreachable: {type(exc).__name__}") from exc
    finally:
        pool.clear()
    if response.status != 200:
        raise InfrastructureError(f"Kibana refused the import: HTTP {response.status} {response.data[:300]!r}")
    answer = json.loads(response.data)
    errors = [_describe(e) for e in answer.get("errors") or []]
    return ImportResult(
        success=bool(answer.get("success")), success_count=int(answer.get("successCount", 0)), errors=errors
    )


def _describe(error: dict[str, Any]) -> str:
    """One line per object Kibana refused: which object, and why (missing reference, conflict, bad shape)."""
    reason = error.get("error") or {}
    return f"{error.get('type')}/{error.get('id')}: {reason.get('type')} {reason.get('message', '')}".strip()


def main() -> None:
    """Print the saved objects for the default index (to refresh ``schemas/kibana/``)."""
    sys.stdout.buffer.write(to_ndjson(saved_objects()))


if __name__ == "__main__":
    main()
