#!/usr/bin/python3
"""Open a Zarr (v2) group with xarray and print a JSON description of the decoded dataset.

usage: /usr/bin/python3 check_xarray.py STORE_ROOT GROUP_PATH

Output (one JSON object): dims, coords, data_vars, attrs and per variable its dims, dtype,
shape, attrs, CF encoding (units/calendar/scale_factor/add_offset/_FillValue/dtype) and
"sha256" of the decoded values as little-endian C-order bytes (NaNs canonicalised,
datetimes as int64 ns), plus the NaN count for floats. Exit 1 if the group cannot be opened.
"""
import hashlib
import json
import sys

import numpy as np
import xarray as xr


def values_digest(values):
    a = np.asarray(values)
    if a.dtype.kind in "mM":
        a = a.astype(a.dtype.str[:3] + "[ns]").view("<i8")
    elif a.dtype.kind == "f":
        a = np.where(np.isnan(a), np.array(np.nan, a.dtype), a)
    elif a.dtype.kind == "O":
        return hashlib.sha256(json.dumps([str(x) for x in a.ravel()]).encode()).hexdigest()
    a = np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"))
    return hashlib.sha256(a.tobytes()).hexdigest()


def jsonable(v):
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    return v if isinstance(v, (str, int, float, bool, type(None))) else str(v)


def describe(var):
    d = {
        "dims": list(var.dims),
        "dtype": str(var.dtype),
        "shape": list(var.shape),
        "attrs": jsonable(dict(var.attrs)),
        "encoding": jsonable({k: var.encoding[k] for k in
                              ("units", "calendar", "scale_factor", "add_offset", "_FillValue",
                               "dtype", "chunks") if k in var.encoding}),
        "sha256": values_digest(var.values),
    }
    if var.dtype.kind == "f":
        d["nan_count"] = int(np.isnan(var.values).sum())
    return d


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    store_root, group = argv[1], argv[2]
    try:
        ds = xr.open_zarr(store_root, group=group or None, consolidated=None)
    except Exception as exc:  # noqa: BLE001
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return 1
    out = {
        "dims": {k: int(v) for k, v in ds.dims.items()},
        "coords": sorted(ds.coords),
        "data_vars": sorted(ds.data_vars),
        "attrs": jsonable(dict(ds.attrs)),
        "variables": {name: describe(ds[name].variable) for name in sorted(ds.variables)},
    }
    print(json.dumps(out, indent=1, sort_keys=True, allow_nan=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
