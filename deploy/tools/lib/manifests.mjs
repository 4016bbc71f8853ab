// Reading rendered manifests (the output of `kubectl kustomize`) and the
// small amount of Kubernetes semantics the checks share: label selectors,
// where a container's GOVREPORT_* settings come from, named ports.

import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Every object in `files` ("-" reads stdin), each as
// { obj, where: "file#doc", id: "Kind/namespace/name" }. Throws on YAML errors,
// naming the file and document.
export function loadManifests(files) {
  const out = [];
  for (const file of files) {
    const text = readFileSync(file === "-" ? 0 : file, "utf8");
    const docs = parseAllDocuments(text, { uniqueKeys: true });
    docs.forEach((doc, i) => {
      if (doc.errors.length) {
        throw new Error(`${file}#${i + 1}: YAML: ${doc.errors[0].message}`);
      }
      const obj = doc.toJS({ maxAliasCount: 100 });
      if (obj === null || obj === undefined) return;  // empty document
      out.push({ obj, where: `${file}#${i + 1}`, id: describe(obj) });
    });
  }
  return out;
}

export function describe(obj) {
  const kind = obj?.kind ?? "<no kind>";
  const name = obj?.metadata?.name ?? "<no name>";
  const ns = obj?.metadata?.namespace;
  return ns ? `${kind} ${ns}/${name}` : `${kind} ${name}`;
}

// True when a matchLabels/matchExpressions selector selects `labels`.
// An empty selector ({}) selects everything.
export function selectorMatches(selector, labels = {}) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const values = e.values ?? [];
    if (e.operator === "In" && !(has && values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

// Workloads whose pods a selector of `ns` picks (Deployment, StatefulSet, ...).
export function workloadsSelectedBy(selector, workloads, ns) {
  return workloads.filter(
    (w) => (w.obj.metadata?.namespace ?? "") === ns &&
      selectorMatches(selector, w.obj.spec?.template?.metadata?.labels));
}

export function namespaceOf(obj) {
  return obj.metadata?.namespace ?? "";
}

// Finds an object by kind, namespace and name.
export function findObject(all, kind, ns, name) {
  return all.find((m) => m.obj.kind === kind && namespaceOf(m.obj) === ns &&
    m.obj.metadata?.name === name);
}

// The value a container sees for environment variable `name`, following
// Kubernetes' precedence: `env` (last entry wins) over `envFrom` (later
// sources win). Returns { value, from } or undefined when unset;
// value is undefined when it comes from a Secret or a field reference.
export function containerEnv(container, name, all, ns) {
  const env = container.env ?? [];
  for (let i = env.length - 1; i >= 0; i--) {
    const e = env[i];
    if (e.name !== name) continue;
    if (e.value !== undefined) return { value: String(e.value), from: `env ${name}` };
    const ref = e.valueFrom?.configMapKeyRef;
    if (ref) {
      const cm = findObject(all, "ConfigMap", ns, ref.name);
      const v = cm?.obj.data?.[ref.key];
      return { value: v, from: `ConfigMap ${ref.name} key ${ref.key}` };
    }
    return { value: undefined, from: `env ${name} (valueFrom)` };
  }
  const sources = container.envFrom ?? [];
  for (let i = sources.length - 1; i >= 0; i--) {
    const s = sources[i];
    const key = (s.prefix ?? "") === "" ? name
      : name.startsWith(s.prefix) ? name.slice(s.prefix.length) : null;
    if (key === null) continue;
    if (s.configMapRef) {
      const cm = findObject(all, "ConfigMap", ns, s.configMapRef.name);
      if (cm && cm.obj.data && Object.hasOwn(cm.obj.data, key)) {
        return { value: String(cm.obj.data[key]), from: `ConfigMap ${s.configMapRef.name}` };
      }
    }
    if (s.secretRef) {
      const sec = findObject(all, "Secret", ns, s.secretRef.name);
      if (sec && (Object.hasOwn(sec.obj.data ?? {}, key) ||
                  Object.hasOwn(sec.obj.stringData ?? {}, key))) {
        return { value: undefined, from: `Secret ${s.secretRef.name}` };
      }
    }
  }
  return undefined;
}

// The value of --flag on a command line (--flag=v or --flag v), or undefined.
export function flagFromArgs(args, flag) {
  for (let i = 0; i < args.length; i++) {
    const a = String(args[i]);
    for (const prefix of [`--${flag}=`, `-${flag}=`]) {
      if (a.startsWith(prefix)) return a.slice(prefix.length);
    }
    if ((a === `--${flag}` || a === `-${flag}`) && i + 1 < args.length) return String(args[i + 1]);
  }
  return undefined;
}

// The container port number a Service targetPort or probe port names.
export function resolvePort(port, container) {
  if (typeof port === "number") return port;
  if (typeof port === "string" && /^\d+$/.test(port)) return Number(port);
  const named = (container.ports ?? []).find((p) => p.name === port);
  return named?.containerPort;
}
