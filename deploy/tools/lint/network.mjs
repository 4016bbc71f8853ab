// NetworkPolicies and the addresses services call each other on.

import { findObject, namespaceOf, resolvePort, selectorMatches, workloadsSelectedBy }
  from "../lib/manifests.mjs";
import { BINARIES, DEPENDENCIES } from "./binaries.mjs";

export function lintNetwork(ctx) {
  lintDefaultDeny(ctx);
  lintPolicyPorts(ctx);
  lintCallers(ctx);
  lintCalls(ctx);
}

// The server port of workload `w` and the labels its callers must carry, or
// undefined for workloads the deployment does not restrict.
function serverOf(ctx, w) {
  const l = ctx.listening.get(`${namespaceOf(w.obj)}/${w.obj.metadata.name}`);
  if (l) return { port: l.port, callers: BINARIES[l.binary].callers };
  for (const c of w.obj.spec?.template?.spec?.containers ?? []) {
    const repo = String(c.image ?? "").split("@")[0].replace(/:[^/]*$/, "");
    const dep = DEPENDENCIES[repo.slice(repo.lastIndexOf("/") + 1)];
    if (dep) return dep;
  }
  return undefined;
}

// Every ingress rule that opens a server's port admits only its callers:
// each peer must be a podSelector requiring the callers' labels (parser-svc
// and validator-svc: the aggregator; the aggregator: dashboard clients;
// PostgreSQL: the aggregator). A rule without peers or ports opens to all.
function lintCallers(ctx) {
  for (const np of ctx.all.filter((m) => m.obj.kind === "NetworkPolicy")) {
    const ns = namespaceOf(np.obj);
    const selected = workloadsSelectedBy(np.obj.spec?.podSelector ?? {}, ctx.workloads, ns);
    for (const w of selected) {
      const server = serverOf(ctx, w);
      if (!server) continue;
      const containers = w.obj.spec?.template?.spec?.containers ?? [];
      for (const rule of np.obj.spec?.ingress ?? []) {
        const opens = !rule.ports || rule.ports.length === 0 || rule.ports.some((p) =>
          p.port === undefined ||
          containers.some((c) => resolvePort(p.port, c) === server.port) ||
          (typeof p.port === "number" && p.endPort !== undefined &&
           p.port <= server.port && server.port <= p.endPort));
        if (!opens) continue;
        const peers = rule.from ?? [];
        const want = JSON.stringify(server.callers);
        if (peers.length === 0) {
          ctx.report(np, `admits anyone to port ${server.port} of ${w.obj.kind} ` +
                         `${w.obj.metadata.name}; only pods labelled ${want} may call it`);
        }
        for (const peer of peers) {
          const labels = peer.podSelector?.matchLabels ?? {};
          const ok = peer.podSelector && !peer.ipBlock &&
            Object.entries(server.callers).every(([k, v]) => labels[k] === v);
          if (!ok) {
            ctx.report(np, `admits ${JSON.stringify(peer)} to port ${server.port} of ` +
                           `${w.obj.kind} ${w.obj.metadata.name}; only pods labelled ${want} ` +
                           `may call it`);
          }
        }
      }
    }
  }
}

// Every namespace with workloads has a policy that denies all traffic of
// every pod in both directions.
function lintDefaultDeny(ctx) {
  const namespaces = new Set(ctx.workloads.map((w) => namespaceOf(w.obj)));
  for (const ns of namespaces) {
    const ok = ctx.all.some((m) => {
      if (m.obj.kind !== "NetworkPolicy" || namespaceOf(m.obj) !== ns) return false;
      const s = m.obj.spec ?? {};
      const sel = s.podSelector ?? {};
      const all = Object.keys(sel.matchLabels ?? {}).length === 0 &&
        (sel.matchExpressions ?? []).length === 0;
      const types = s.policyTypes ?? [];
      return all && types.includes("Ingress") && types.includes("Egress") &&
        (s.ingress ?? []).length === 0 && (s.egress ?? []).length === 0;
    });
    if (!ok) {
      ctx.report({ id: `namespace ${ns || "<none>"}`, where: "" },
        "has no default-deny NetworkPolicy (podSelector: {}, policyTypes [Ingress, Egress], " +
        "no rules)");
    }
  }
}

// Ports of the containers of `w`: the binary's for govreport, else declared.
function portsOf(ctx, w) {
  const l = ctx.listening.get(`${namespaceOf(w.obj)}/${w.obj.metadata.name}`);
  const containers = w.obj.spec?.template?.spec?.containers ?? [];
  const numbers = new Set();
  for (const c of containers) for (const p of c.ports ?? []) numbers.add(p.containerPort);
  if (l) {
    numbers.delete(undefined);
    return { numbers: new Set([l.port, l.metricsPort]), containers };
  }
  return { numbers, containers };
}

function checkPorts(ctx, policy, rule, workloads, direction) {
  for (const p of rule.ports ?? []) {
    if (p.port === undefined) continue;
    for (const w of workloads) {
      const { numbers, containers } = portsOf(ctx, w);
      const resolved = containers.map((c) => resolvePort(p.port, c)).find((x) => x !== undefined);
      if (resolved === undefined || !numbers.has(resolved)) {
        ctx.report(policy, `${direction} port ${p.port} is not a port that ${w.obj.kind} ` +
                           `${w.obj.metadata.name} listens on (${[...numbers].join(", ")})`);
      }
    }
  }
}

// Ingress ports must be ports the selected pods listen on; egress ports to
// pods of this namespace must be ports those pods listen on.
function lintPolicyPorts(ctx) {
  for (const np of ctx.all.filter((m) => m.obj.kind === "NetworkPolicy")) {
    const ns = namespaceOf(np.obj);
    const selected = workloadsSelectedBy(np.obj.spec?.podSelector ?? {}, ctx.workloads, ns);
    const isDeny = (np.obj.spec?.ingress ?? []).length + (np.obj.spec?.egress ?? []).length === 0;
    if (selected.length === 0 && !isDeny) ctx.report(np, "selects no pods");
    for (const rule of np.obj.spec?.ingress ?? []) checkPorts(ctx, np, rule, selected, "ingress");
    for (const rule of np.obj.spec?.egress ?? []) {
      for (const peer of rule.to ?? []) {
        if (!peer.podSelector || peer.namespaceSelector) continue;
        const dest = workloadsSelectedBy(peer.podSelector, ctx.workloads, ns);
        if (dest.length === 0) {
          ctx.report(np, `egress to ${JSON.stringify(peer.podSelector)} selects no pods`);
        }
        checkPorts(ctx, np, rule, dest, "egress");
      }
    }
  }
}

// dns:///name.ns.svc.cluster.local:port -> { scheme, host, port }.
function parseAddress(a) {
  const m = String(a).match(/^(?:([a-z]+):(?:\/\/[^/]*\/)?)?([^:/]+):(\d+)$/);
  if (!m) return undefined;
  return { scheme: m[1], host: m[2], port: Number(m[3]) };
}

// The aggregator's parser/validator addresses: dns:/// scheme (so the client
// sees every pod), a Service of these manifests in front of the right binary,
// the port that binary listens on. And its DSN comes from a Secret.
function lintCalls(ctx) {
  for (const [key, l] of ctx.listening) {
    const w = ctx.workloads.find((x) => `${namespaceOf(x.obj)}/${x.obj.metadata.name}` === key);
    const ns = namespaceOf(w.obj);
    const calls = BINARIES[l.binary].calls ?? {};
    for (const [flag, callee] of Object.entries(calls)) {
      const s = l.settings.get(flag);
      if (!s || s.value === undefined) {
        ctx.report(w, `--${flag} is unset; ${l.binary} must be told where ${callee} is`);
        continue;
      }
      const a = parseAddress(s.value);
      if (!a) {
        ctx.report(w, `--${flag} "${s.value}" (${s.from}) is not host:port`);
        continue;
      }
      if (a.scheme !== "dns") {
        ctx.report(w, `--${flag} "${s.value}" (${s.from}) must use dns:/// so that the client ` +
                      `resolves every pod of the headless Service and balances per call`);
      }
      const parts = a.host.split(".");
      const svcName = parts[0];
      const svcNs = parts.length > 1 ? parts[1] : ns;
      if (parts.length > 1 && !/^[^.]+\.[^.]+\.svc(\.cluster\.local)?$/.test(a.host)) {
        ctx.report(w, `--${flag} host ${a.host} is not <service>.<namespace>.svc.cluster.local`);
        continue;
      }
      const svc = findObject(ctx.all, "Service", svcNs, svcName);
      if (!svc) {
        ctx.report(w, `--${flag} "${s.value}" (${s.from}) names Service ${svcNs}/${svcName}, ` +
                      `which is not in these manifests`);
        continue;
      }
      const backends = ctx.workloads.filter((x) => namespaceOf(x.obj) === svcNs &&
        selectorMatches({ matchLabels: svc.obj.spec?.selector ?? {} },
          x.obj.spec?.template?.metadata?.labels));
      for (const b of backends) {
        const bl = ctx.listening.get(`${svcNs}/${b.obj.metadata.name}`);
        if (!bl) continue;
        if (bl.binary !== callee) {
          ctx.report(w, `--${flag} reaches ${bl.binary}, not ${callee}`);
        } else if (bl.port !== a.port) {
          ctx.report(w, `--${flag} "${s.value}" (${s.from}) dials port ${a.port} but ${callee} ` +
                        `listens on ${bl.port}`);
        }
      }
    }
    if (BINARIES[l.binary].flags.includes("db")) {
      const db = l.settings.get("db");
      if (!db || (db.value === undefined && !db.secret)) {
        ctx.report(w, "--db (GOVREPORT_DB) is unset: the aggregator needs its PostgreSQL DSN");
      } else if (!db.secret) {
        ctx.report(w, `--db comes from ${db.from}; a DSN holds a password and must come from ` +
                      `a Secret (env valueFrom.secretKeyRef)`);
      }
    }
  }
}
