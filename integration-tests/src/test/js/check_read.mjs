// Peer read-check with zarrita.js: does zarrita read a store (Zarr v2 or v3) bit-exactly?
//
// usage: node check_read.mjs STORE_ROOT MANIFEST.json
//            [--skip-codecs a,b,c] [--skip-dtypes c8,M8] [--strict]
//
// Manifest: JSON list of entries (format in core/src/test/resources/fixtures/README.md).
//   path          array path relative to STORE_ROOT (the entry's "store" field is ignored)
//   zarr_format   2 or 3 (opened with zarr.open.v2 / zarr.open.v3)
//   expected      full contents as little-endian C-order bytes, relative to the manifest's dir
//   dtype, data_type, shape, chunks, fill_value   optional; compared when present
//   codecs        codec ids; entries using any --skip-codecs codec are skipped
//   known_issues  optional {"zarrita": "reason"}; skipped unless --strict
//
// Prints "OK path", "FAIL path: reason" or "SKIP path: reason" per entry, then a JSON summary
// line {"ok": N, "failed": M, "skipped": K}. Exit status 1 if anything failed (including
// entries that could not be opened).
import { Float16Array as Float16Polyfill } from "@petamoriken/float16";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";
import fs from "node:fs";
import path from "node:path";

// zarrita maps "float16" / "<f2" to globalThis.Float16Array, which Node 20 lacks.
if (typeof globalThis.Float16Array === "undefined") {
	globalThis.Float16Array = Float16Polyfill;
}
const PEER = "zarrita";

function parseArgs(argv) {
	const pos = [];
	const opts = { skipCodecs: new Set(), skipDtypes: [], strict: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const val = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i]);
		if (a.startsWith("--skip-codecs")) {
			for (const c of (val() ?? "").split(",")) if (c) opts.skipCodecs.add(c);
		} else if (a.startsWith("--skip-dtypes")) {
			opts.skipDtypes.push(...(val() ?? "").split(",").filter(Boolean));
		} else if (a === "--strict") {
			opts.strict = true;
		} else {
			pos.push(a);
		}
	}
	if (pos.length !== 2) {
		console.error("usage: node check_read.mjs STORE_ROOT MANIFEST.json [--skip-codecs a,b] [--skip-dtypes c8,M8] [--strict]");
		process.exit(2);
	}
	return { storeRoot: pos[0], manifest: pos[1], ...opts };
}

const prod = (s) => s.reduce((a, b) => a * b, 1);
const bytesOf = (t) => new Uint8Array(t.buffer, t.byteOffset, t.byteLength);

// numpy dtype string -> zarrita data type (byte order is a codec matter in zarrita)
const NP_TO_ZARRITA = {
	b1: "bool", i1: "int8", i2: "int16", i4: "int32", i8: "int64",
	u1: "uint8", u2: "uint16", u4: "uint32", u8: "uint64",
	f2: "float16", f4: "float32", f8: "float64",
};
function expectedZarritaDtype(entry) {
	if (entry.data_type) return entry.data_type;
	if (!entry.dtype) return undefined;
	const rest = entry.dtype.replace(/^[<>|=]/, "");
	if (NP_TO_ZARRITA[rest]) return NP_TO_ZARRITA[rest];
	if (/^[US]\d+$/.test(rest)) return `v2:${rest}`;
	return `unsupported:${entry.dtype}`;
}

const FLOAT_WIDTH = { float16: 2, float32: 4, float64: 8 };
// canonical string for a fill value as zarrita holds it or as the manifest spells it (JSON)
function canonicalFill(v, dtype) {
	if (v === null || v === undefined) return "null";
	if (dtype in FLOAT_WIDTH) {
		if (typeof v === "string" && v.startsWith("0x")) return `bits:${BigInt(v).toString(16)}`;
		const n = v === "NaN" ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : Number(v);
		if (Number.isNaN(n)) return "NaN";
		return Object.is(n, -0) ? "-0" : String(n);
	}
	if (dtype === "int64" || dtype === "uint64") {
		// note: JSON.parse already rounded integers beyond 2^53 on both sides
		try { return BigInt(v).toString(); } catch { return String(v); }
	}
	return String(v);
}

// the full array as LE C-order bytes (bit copies only)
async function readAllBytes(arr) {
	if (arr.shape.length === 0) {
		const c = await arr.getChunk([]);
		const bpe = c.data.BYTES_PER_ELEMENT;
		return { bytes: bytesOf(c.data).slice(0, bpe), bpe };
	}
	// zarrita's get() throws "Input contains an empty iterator" on zero-size arrays
	if (prod(arr.shape) === 0) return { bytes: new Uint8Array(0), bpe: 1 };
	const r = await zarr.get(arr);
	const bpe = r.data.BYTES_PER_ELEMENT;
	const n = prod(r.shape);
	const src = bytesOf(r.data);
	const out = new Uint8Array(n * bpe);
	// r.stride follows the array's native order (transpose / order F); walk it in C order
	const idx = new Array(r.shape.length).fill(0);
	for (let i = 0; i < n; i++) {
		let off = 0;
		for (let d = 0; d < idx.length; d++) off += idx[d] * r.stride[d];
		out.set(src.subarray(off * bpe, off * bpe + bpe), i * bpe);
		for (let d = idx.length - 1; d >= 0; d--) {
			if (++idx[d] < r.shape[d]) break;
			idx[d] = 0;
		}
	}
	return { bytes: out, bpe };
}

function unravel(i, shape) {
	const idx = new Array(shape.length);
	for (let d = shape.length - 1; d >= 0; d--) {
		idx[d] = i % shape[d];
		i = Math.floor(i / shape[d]);
	}
	return idx;
}
const hex = (b) => Buffer.from(b).toString("hex");

async function checkEntry(entry, store, manifestDir) {
	const loc = zarr.root(store).resolve(entry.path);
	const arr = entry.zarr_format === 3
		? await zarr.open.v3(loc, { kind: "array" })
		: await zarr.open.v2(loc, { kind: "array" });
	const problems = [];
	const wantDtype = expectedZarritaDtype(entry);
	if (wantDtype && wantDtype !== arr.dtype) problems.push(`dtype ${arr.dtype} != manifest ${entry.data_type ?? entry.dtype}`);
	if (entry.shape && JSON.stringify(entry.shape) !== JSON.stringify(arr.shape)) {
		problems.push(`shape ${JSON.stringify(arr.shape)} != manifest ${JSON.stringify(entry.shape)}`);
	}
	if (entry.chunks && !(entry.codecs ?? []).includes("sharding_indexed") &&
		JSON.stringify(entry.chunks) !== JSON.stringify(arr.chunks)) {
		problems.push(`chunks ${JSON.stringify(arr.chunks)} != manifest ${JSON.stringify(entry.chunks)}`);
	}
	if ("fill_value" in entry) {
		const got = canonicalFill(arr.fillValue, arr.dtype);
		const want = canonicalFill(entry.fill_value, arr.dtype);
		if (got !== want) problems.push(`fill_value ${got} != manifest ${want}`);
	}
	if (problems.length) return problems.join("; ");

	const expected = fs.readFileSync(path.join(manifestDir, entry.expected));
	const { bytes: got, bpe } = await readAllBytes(arr);
	if (Buffer.compare(Buffer.from(got.buffer, got.byteOffset, got.byteLength), expected) === 0) return null;
	if (got.length !== expected.length) return `data length ${got.length} bytes != expected ${expected.length} bytes`;
	let i = 0;
	while (got[i] === expected[i]) i++;
	const elem = Math.floor(i / bpe);
	const g = got.subarray(elem * bpe, (elem + 1) * bpe);
	const e = expected.subarray(elem * bpe, (elem + 1) * bpe);
	return `data mismatch at element ${elem} index [${unravel(elem, arr.shape)}]: got 0x${hex(g)}, expected 0x${hex(e)} (LE bytes)`;
}

const args = parseArgs(process.argv.slice(2));
const manifestDir = path.dirname(path.resolve(args.manifest));
const entries = JSON.parse(fs.readFileSync(args.manifest, "utf8"));
const store = new FileSystemStore(path.resolve(args.storeRoot));
const counts = { ok: 0, failed: 0, skipped: 0 };

for (const entry of entries) {
	let reason = null;
	const skippedCodecs = (entry.codecs ?? []).filter((c) => args.skipCodecs.has(c));
	const bare = (entry.dtype ?? "").replace(/^[<>|=]/, "");
	if (skippedCodecs.length) reason = `uses skipped codec(s) ${skippedCodecs.join(",")}`;
	else if (args.skipDtypes.some((d) => bare.startsWith(d))) reason = `skipped dtype ${entry.dtype}`;
	else if (entry.known_issues?.[PEER] && !args.strict) reason = `known issue: ${entry.known_issues[PEER]}`;
	if (reason) {
		counts.skipped++;
		console.log(`SKIP ${entry.path}: ${reason}`);
		continue;
	}
	let msg;
	try {
		msg = await checkEntry(entry, store, manifestDir);
	} catch (err) {
		const cause = err?.cause ? ` (cause: ${err.cause?.message ?? err.cause})` : "";
		msg = `could not open/read: ${err?.name ?? "Error"}: ${err?.message ?? err}${cause}`;
	}
	if (msg === null) {
		counts.ok++;
		console.log(`OK ${entry.path}`);
	} else {
		counts.failed++;
		console.log(`FAIL ${entry.path}: ${msg}`);
	}
}
console.log(JSON.stringify(counts));
process.exit(counts.failed ? 1 : 0);
