#!/usr/bin/python3
"""Peer read-check with zarr-python 2.13: does zarr-python read a store bit-exactly?

usage: /usr/bin/python3 check_read.py STORE_ROOT MANIFEST.json
           [--skip-codecs a,b,c] [--skip-dtypes c8,M8] [--strict]

Manifest format: JSON list of entries (see core/src/test/resources/fixtures/README.md):
  path          array path relative to STORE_ROOT (the entry's "store" field is ignored)
  zarr_format   2 or 3; zarr-python 2.13 cannot read the final Zarr v3 format, so v3 entries
                are reported as skipped
  expected      file of the array's full contents as little-endian C-order bytes, relative to
                the manifest's directory
  dtype, shape, chunks, order, fill_value   optional; compared when present
  codecs        list of codec ids; used by --skip-codecs
  known_issues  optional {"zarr-python": "reason"}; such entries are skipped unless --strict

Prints "OK path", "FAIL path: reason" or "SKIP path: reason" per entry, then one JSON summary
line {"ok": N, "failed": M, "skipped": K}. Exit status 1 if anything failed (including arrays
that could not be opened), else 0.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import zarr

PEER = "zarr-python"


def le_bytes(a):
    a = np.asarray(a)
    return np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes()


def fill_bytes(value, dtype):
    if value is None:
        return None
    return np.array(value, dtype=dtype).astype(dtype.newbyteorder("<")).tobytes()


def describe_element(raw, dtype):
    return repr(np.frombuffer(raw, dtype=dtype.newbyteorder("<"))[0]) + f" (0x{raw.hex()})"


def check_entry(entry, store_root, manifest_dir):
    """Return (status, message); status in OK / FAIL / SKIP."""
    path = entry["path"]
    z = zarr.open_array(str(store_root), path=path, mode="r")

    problems = []
    if "dtype" in entry and np.dtype(entry["dtype"]) != z.dtype:
        problems.append(f"dtype {z.dtype.str} != manifest {entry['dtype']}")
    if "shape" in entry and tuple(entry["shape"]) != z.shape:
        problems.append(f"shape {list(z.shape)} != manifest {entry['shape']}")
    if "chunks" in entry and tuple(entry["chunks"]) != z.chunks:
        problems.append(f"chunks {list(z.chunks)} != manifest {entry['chunks']}")
    if "order" in entry and entry["order"] != z.order:
        problems.append(f"order {z.order} != manifest {entry['order']}")
    if "fill_value" in entry:
        want = zarr.meta.Metadata2.decode_fill_value(entry["fill_value"], z.dtype)
        if fill_bytes(want, z.dtype) != fill_bytes(z.fill_value, z.dtype):
            problems.append(f"fill_value {z.fill_value!r} != manifest {entry['fill_value']!r}")
    if problems:
        return "FAIL", "; ".join(problems)

    got = le_bytes(z[...])
    expected = (manifest_dir / entry["expected"]).read_bytes()
    if got == expected:
        return "OK", ""
    if len(got) != len(expected):
        return "FAIL", f"data length {len(got)} bytes != expected {len(expected)} bytes"
    itemsize = z.dtype.itemsize
    diff = next(i for i in range(len(got)) if got[i] != expected[i])
    elem = diff // itemsize
    idx = np.unravel_index(elem, z.shape) if z.shape else ()
    g = got[elem * itemsize:(elem + 1) * itemsize]
    e = expected[elem * itemsize:(elem + 1) * itemsize]
    return "FAIL", (f"data mismatch at element {elem} index {tuple(int(i) for i in idx)}: "
                    f"got {describe_element(g, z.dtype)}, expected {describe_element(e, z.dtype)}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("store_root")
    ap.add_argument("manifest")
    ap.add_argument("--skip-codecs", default="", help="comma list; skip entries using any")
    ap.add_argument("--skip-dtypes", default="",
                    help="comma list of dtype prefixes without byte order, e.g. c8,M8")
    ap.add_argument("--strict", action="store_true", help="do not skip known_issues entries")
    args = ap.parse_args(argv)

    store_root = Path(args.store_root)
    manifest_path = Path(args.manifest)
    manifest_dir = manifest_path.resolve().parent
    entries = json.loads(manifest_path.read_text())
    skip_codecs = {c for c in args.skip_codecs.split(",") if c}
    skip_dtypes = [d for d in args.skip_dtypes.split(",") if d]

    counts = {"ok": 0, "failed": 0, "skipped": 0}
    for entry in entries:
        path = entry["path"]
        reason = None
        if entry.get("zarr_format", 2) != 2:
            reason = f"zarr-python {zarr.__version__} cannot read Zarr v{entry.get('zarr_format')}"
        elif skip_codecs & set(entry.get("codecs", [])):
            reason = "uses skipped codec(s) " + ",".join(sorted(skip_codecs & set(entry["codecs"])))
        elif any(entry.get("dtype", "").lstrip("<>|=").startswith(d) for d in skip_dtypes):
            reason = f"skipped dtype {entry['dtype']}"
        elif PEER in entry.get("known_issues", {}) and not args.strict:
            reason = "known issue: " + entry["known_issues"][PEER]
        if reason:
            counts["skipped"] += 1
            print(f"SKIP {path}: {reason}")
            continue
        try:
            status, msg = check_entry(entry, store_root, manifest_dir)
        except Exception as exc:  # noqa: BLE001 - report and keep going
            status, msg = "FAIL", f"could not open/read: {type(exc).__name__}: {exc}"
        if status == "OK":
            counts["ok"] += 1
            print(f"OK {path}")
        else:
            counts["failed"] += 1
            print(f"FAIL {path}: {msg}")
    print(json.dumps(counts))
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
