// Pod templates of Deployments and StatefulSets: probes, resources, the
// restricted securityContext, graceful shutdown, metrics annotations, and for
// govreport's binaries, that probes and container ports use the ports the
// binary listens on.

import { BINARIES, binaryOf, LOG_LEVELS } from "./binaries.mjs";
import { effectiveSettings, intSetting } from "./settings.mjs";
import { parseQuantity } from "./quantity.mjs";
import { namespaceOf } from "../lib/manifests.mjs";

const DEFAULT_GRACE_SECONDS = 30;

export function lintWorkloads(ctx) {
  for (const w of ctx.workloads) {
    const pod = w.obj.spec?.template?.spec ?? {};
    const ns = namespaceOf(w.obj);
    const containers = pod.containers ?? [];
    if (containers.length === 0) ctx.report(w, "has no containers");
    for (const c of [...(pod.initContainers ?? []), ...containers]) {
      lintSecurity(ctx, w, pod, c);
      lintResources(ctx, w, c);
    }
    for (const c of containers) {
      lintProbesPresent(ctx, w, c);
      const binary = binaryOf(c.image);
      if (binary) lintBinaryContainer(ctx, w, pod, c, binary, ns);
    }
  }
}

function lintProbesPresent(ctx, w, c) {
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    if (!c[probe]) ctx.report(w, `container ${c.name} has no ${probe}`);
  }
}

function lintSecurity(ctx, w, pod, c) {
  const psc = pod.securityContext ?? {};
  const sc = c.securityContext ?? {};
  const say = (msg) => ctx.report(w, `container ${c.name}: securityContext ${msg}`);
  const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
  if (runAsNonRoot !== true) say("must set runAsNonRoot: true (container or pod)");
  const runAsUser = sc.runAsUser ?? psc.runAsUser;
  if (runAsUser === 0) say("runs as user 0 (root)");
  if (sc.readOnlyRootFilesystem !== true) say("must set readOnlyRootFilesystem: true");
  if (sc.allowPrivilegeEscalation !== false) say("must set allowPrivilegeEscalation: false");
  if (sc.privileged === true) say("must not be privileged");
  const drop = sc.capabilities?.drop ?? [];
  if (!drop.includes("ALL")) say("must drop ALL capabilities (capabilities.drop: [ALL])");
  if ((sc.capabilities?.add ?? []).length) say(`adds capabilities ${sc.capabilities.add.join(", ")}`);
  const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
  if (seccomp !== "RuntimeDefault") {
    say(`seccompProfile.type is ${seccomp ?? "unset"}, must be RuntimeDefault (container or pod)`);
  }
}

function lintResources(ctx, w, c) {
  const r = c.resources ?? {};
  for (const kind of ["requests", "limits"]) {
    for (const res of ["cpu", "memory"]) {
      const q = r[kind]?.[res];
      if (q === undefined) {
        ctx.report(w, `container ${c.name} has no resources.${kind}.${res}`);
      } else if (Number.isNaN(parseQuantity(q))) {
        ctx.report(w, `container ${c.name}: resources.${kind}.${res} "${q}" is not a quantity`);
      }
    }
  }
  for (const res of ["cpu", "memory"]) {
    const req = parseQuantity(r.requests?.[res]);
    const lim = parseQuantity(r.limits?.[res]);
    if (req > lim) {
      ctx.report(w, `container ${c.name}: resources.requests.${res} (${r.requests[res]}) ` +
                    `exceeds resources.limits.${res} (${r.limits[res]})`);
    }
  }
}

function lintBinaryContainer(ctx, w, pod, c, binary, ns) {
  const spec = BINARIES[binary];
  const settings = effectiveSettings(c, binary, ctx.all, ns);
  for (const p of settings.problems) ctx.report(w, `container ${c.name}: ${p}`);
  const port = intSetting(settings, "port", 1, 65535);
  const metrics = intSetting(settings, "metrics_port", 1, 65535);
  const deadline = intSetting(settings, "shutdown_deadline_seconds", 0, 86400);
  for (const s of [port, metrics, deadline]) {
    if (s.problem) ctx.report(w, `container ${c.name}: ${s.problem}`);
  }
  const workers = settings.get("worker_threads");
  if (!workers || workers.value === "0") {
    ctx.report(w, `container ${c.name}: --worker_threads is ${workers?.value ?? "unset"} ` +
                  `(${workers?.from ?? "default"}): 0 counts the node's CPUs, not the container's ` +
                  `cpu limit; set GOVREPORT_WORKER_THREADS`);
  }
  const inject = settings.get("inject_latency_ms");
  if (inject?.value !== undefined && inject.value !== "0") {
    ctx.report(w, `container ${c.name}: --inject_latency_ms = ${inject.value} (${inject.from}) ` +
                  `is fault injection for tests; it slows every call`);
  }
  const level = settings.get("log_level");
  if (level?.value !== undefined && !LOG_LEVELS.includes(level.value)) {
    ctx.report(w, `container ${c.name}: --log_level "${level.value}" (${level.from}) ` +
                  `is not one of ${LOG_LEVELS.join(", ")}`);
  }
  ctx.listening.set(`${ns}/${w.obj.metadata.name}`, {
    binary, port: port.value, metricsPort: metrics.value, container: c, settings,
  });

  // Native gRPC probes on the port the binary serves.
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    const p = c[probe];
    if (!p) continue;
    if (!p.grpc) {
      ctx.report(w, `container ${c.name}: ${probe} must be a native gRPC probe (grpc:) ` +
                    `on grpc.health.v1`);
      continue;
    }
    if (port.value !== undefined && p.grpc.port !== port.value) {
      ctx.report(w, `container ${c.name}: ${probe} checks port ${p.grpc.port} but ${binary} ` +
                    `listens on ${port.value} (${port.from})`);
    }
    const svc = p.grpc.service ?? "";
    if (svc !== "" && svc !== spec.health) {
      ctx.report(w, `container ${c.name}: ${probe} asks health of "${svc}"; ${binary} ` +
                    `serves "" and "${spec.health}"`);
    }
  }

  for (const cp of c.ports ?? []) {
    const want = cp.name === "grpc" ? port : cp.name === "metrics" ? metrics : null;
    if (!want) {
      ctx.report(w, `container ${c.name}: port ${cp.name ?? cp.containerPort} is neither ` +
                    `"grpc" nor "metrics"`);
    } else if (want.value !== undefined && cp.containerPort !== want.value) {
      ctx.report(w, `container ${c.name}: containerPort ${cp.name} is ${cp.containerPort} but ` +
                    `${binary} listens on ${want.value} (${want.from})`);
    }
  }

  // The pod must outlive the preStop hook plus the server's drain deadline.
  const grace = pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
  if (deadline.value !== undefined && !(grace > deadline.value + preStop)) {
    ctx.report(w, `terminationGracePeriodSeconds ${grace} must exceed the shutdown deadline ` +
                  `${deadline.value} s (${deadline.from})` +
                  (preStop ? ` plus the preStop sleep ${preStop} s` : ""));
  }

  const ann = w.obj.spec?.template?.metadata?.annotations ?? {};
  if (ann["prometheus.io/scrape"] !== "true") {
    ctx.report(w, `pod template lacks annotation prometheus.io/scrape: "true"`);
  }
  if (metrics.value !== undefined && ann["prometheus.io/port"] !== String(metrics.value)) {
    ctx.report(w, `pod annotation prometheus.io/port is ${ann["prometheus.io/port"] ?? "unset"} ` +
                  `but metrics are served on ${metrics.value} (${metrics.from})`);
  }

  if (/:latest$/.test(c.image) || !/[:@]/.test(c.image.slice(c.image.lastIndexOf("/") + 1))) {
    ctx.report(w, `container ${c.name}: image ${c.image} must name a version tag or digest`);
  }
}
