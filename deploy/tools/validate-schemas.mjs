#!/usr/bin/env node
// Validates every object of rendered manifests against the Kubernetes OpenAPI
// schemas shipped by the npm package kubernetes-models (see package.json for
// the version; its schemas follow Kubernetes 1.3x, matching kubectl here).
//
//   node validate-schemas.mjs rendered.yaml [more.yaml ...]
//
// Beyond the schema (types, required fields, enums, formats) it rejects
// fields the schema does not know, as `kubectl apply --validate=strict`
// would: a misspelt "readinesProbe" is an error, not a silently dropped key.
// Exit 0 when every object is valid, 1 otherwise; each problem is one line
// "<file>#<document> <Kind> <namespace>/<name>: <path> <reason>".

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadManifests } from "./lib/manifests.mjs";
import { removedApi } from "./lib/removed-apis.mjs";

const require = createRequire(import.meta.url);
const modelsDir = dirname(require.resolve("kubernetes-models/package.json"));

// The compiled schema validator for apiVersion/kind, or null when the
// package has no such built-in kind.
async function validatorFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" ||
      !/^[A-Za-z0-9.\-/]+$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) {
    return null;
  }
  const modelFile = join(modelsDir, apiVersion, `${kind}.mjs`);
  let source;
  try {
    source = readFileSync(modelFile, "utf8");
  } catch {
    return null;
  }
  // The model module imports its validator from ../_schemas/<Id>.mjs.
  const m = source.match(/import\{validate\}from"([^"]+_schemas\/[A-Za-z0-9]+\.mjs)"/);
  if (!m) throw new Error(`kubernetes-models layout changed: no validator import in ${modelFile}`);
  const schemaModule = await import(pathToFileURL(join(dirname(modelFile), m[1])).href);
  return schemaModule.validate;
}

// Wraps `value` so that the validator's reads are recorded: the generated
// validators read every property their schema declares and enumerate the
// keys of maps (labels, resources.limits, ...). A key of an object that was
// neither read nor enumerated is unknown to the schema.
function track(value, path, seen) {
  if (Array.isArray(value)) {
    return value.map((v, i) => track(v, `${path}/${i}`, seen));
  }
  if (value === null || typeof value !== "object") return value;
  const record = { path, keys: Object.keys(value), read: new Set(), enumerated: false };
  seen.push(record);
  const target = {};
  for (const k of record.keys) target[k] = track(value[k], `${path}/${k}`, seen);
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      record.enumerated = true;
      return Reflect.ownKeys(t);
    },
  });
}

// kustomize wraps long base64 values (Secret data) over several lines; the API
// server decodes them with Go's base64, which skips line breaks. The schema's
// "byte" format does not, so the check sees them unwrapped, as the server does.
function withUnwrappedBase64(obj) {
  if (obj.apiVersion !== "v1" || obj.kind !== "Secret" || !obj.data ||
      typeof obj.data !== "object") {
    return obj;
  }
  const data = {};
  for (const [k, v] of Object.entries(obj.data)) {
    data[k] = typeof v === "string" ? v.replace(/[\r\n]/g, "") : v;
  }
  return { ...obj, data };
}

// Ajv's error, in words (the generated validators carry no messages).
function explain(e) {
  const p = e.params ?? {};
  switch (e.keyword) {
    case "required": return `is missing required field "${p.missingProperty}"`;
    case "type": return `must be of type ${p.type}`;
    case "enum": return `must be one of: ${(p.allowedValues ?? []).join(", ")}`;
    case "format": return `is not a valid ${p.format}`;
    default: return e.message ?? `fails "${e.keyword}" ${JSON.stringify(p)}`;
  }
}

function checkObject(obj, validate) {
  const problems = [];
  if (typeof obj.metadata?.name !== "string" || obj.metadata.name === "") {
    problems.push("/metadata/name is required");
  }
  const seen = [];
  const { apiVersion, kind } = obj;
  const tracked = track(withUnwrappedBase64(obj), "", seen);
  const ok = validate(tracked);
  if (!ok) {
    for (const e of validate.errors ?? []) {
      const where = e.instancePath || "/";
      problems.push(`${where} ${explain(e)}`);
    }
  }
  const unknown = [];
  for (const r of seen) {
    if (r.enumerated) continue;
    for (const k of r.keys) {
      if (!r.read.has(k)) unknown.push(`${r.path}/${k}`);
    }
  }
  // Only the outermost unknown field: what lies below it was never looked at.
  for (const u of unknown) {
    if (!unknown.some((o) => u.startsWith(`${o}/`))) {
      problems.push(`${u} is not a field of ${kind} ${apiVersion}`);
    }
  }
  return problems;
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: validate-schemas.mjs rendered.yaml [...]");
    return 2;
  }
  const manifests = loadManifests(files);
  let bad = 0;
  for (const { obj, where, id } of manifests) {
    const removed = removedApi(obj.apiVersion, obj.kind);
    const validate = removed ? null : await validatorFor(obj.apiVersion, obj.kind);
    const problems = removed ? [`apiVersion "${obj.apiVersion}" kind "${obj.kind}" was ${removed}`]
      : validate
      ? checkObject(obj, validate)
      : [`no schema for apiVersion "${obj.apiVersion}" kind "${obj.kind}" ` +
         `(not a built-in kind of this Kubernetes version, or a removed API version)`];
    for (const p of problems) console.log(`${where} ${id}: ${p}`);
    if (problems.length) bad++;
  }
  console.log(`schemas: ${manifests.length} objects, ${bad} invalid`);
  return bad ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`validate-schemas: ${err.message}`);
  process.exit(2);
});
