// Services in front of govreport's binaries: headless, and every port is one
// the selected pods' binary listens on. With a headless Service clients dial
// the pod IPs directly on the Service's port, so port and targetPort must
// both be the binary's port.

import { namespaceOf, resolvePort, selectorMatches } from "../lib/manifests.mjs";

export function lintServices(ctx) {
  for (const s of ctx.all.filter((m) => m.obj.kind === "Service")) {
    const ns = namespaceOf(s.obj);
    const selector = s.obj.spec?.selector;
    if (!selector) continue;  // Services without selectors are someone else's endpoints.
    const pods = ctx.workloads.filter((w) => namespaceOf(w.obj) === ns &&
      selectorMatches({ matchLabels: selector }, w.obj.spec?.template?.metadata?.labels));
    if (pods.length === 0) {
      ctx.report(s, `selects no pods (selector ${JSON.stringify(selector)})`);
      continue;
    }
    for (const w of pods) {
      const l = ctx.listening.get(`${ns}/${w.obj.metadata.name}`);
      if (!l) continue;
      if (s.obj.spec.clusterIP !== "None") {
        ctx.report(s, `must be headless (clusterIP: None) so that gRPC clients balance per call ` +
                      `over the pods of ${w.obj.kind} ${w.obj.metadata.name}`);
      }
      const listens = [l.port, l.metricsPort];
      for (const p of s.obj.spec.ports ?? []) {
        const target = resolvePort(p.targetPort ?? p.port, l.container);
        const label = `port ${p.name ?? p.port}`;
        if (target === undefined) {
          ctx.report(s, `${label}: targetPort "${p.targetPort}" names no port of container ` +
                        `${l.container.name} in ${w.obj.kind} ${w.obj.metadata.name}`);
        } else if (!listens.includes(target)) {
          ctx.report(s, `${label}: targets ${target} but ${l.binary} listens on ${l.port} (gRPC) ` +
                        `and ${l.metricsPort} (metrics)`);
        } else if (p.port !== target) {
          ctx.report(s, `${label}: port ${p.port} differs from targetPort ${target}; a headless ` +
                        `Service's clients connect to the pods on ${p.port}`);
        }
      }
    }
  }
}
