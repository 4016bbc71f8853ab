// HorizontalPodAutoscalers and PodDisruptionBudgets against the workloads
// they act on.

import { findObject, namespaceOf, workloadsSelectedBy } from "../lib/manifests.mjs";
import { parseQuantity } from "./quantity.mjs";

export function lintAutoscaling(ctx) {
  const hpaMin = new Map();  // "ns/Kind/name" -> minReplicas
  for (const h of ctx.all.filter((m) => m.obj.kind === "HorizontalPodAutoscaler")) {
    const ns = namespaceOf(h.obj);
    const ref = h.obj.spec?.scaleTargetRef ?? {};
    const target = findObject(ctx.all, ref.kind, ns, ref.name);
    if (!target) {
      ctx.report(h, `scales ${ref.kind} ${ref.name}, which is not in these manifests`);
      continue;
    }
    const min = h.obj.spec.minReplicas ?? 1;
    hpaMin.set(`${ns}/${ref.kind}/${ref.name}`, min);
    if (target.obj.spec?.replicas !== undefined) {
      ctx.report(target, `sets spec.replicas (${target.obj.spec.replicas}) but ` +
                         `HorizontalPodAutoscaler ${h.obj.metadata.name} manages it: every apply ` +
                         `would reset the replica count`);
    }
    if (min > h.obj.spec.maxReplicas) {
      ctx.report(h, `minReplicas ${min} exceeds maxReplicas ${h.obj.spec.maxReplicas}`);
    }
    const cpu = (h.obj.spec.metrics ?? []).some(
      (m) => m.type === "Resource" && m.resource?.name === "cpu");
    if (!cpu) ctx.report(h, "must scale on the cpu Resource metric");
    const containers = target.obj.spec?.template?.spec?.containers ?? [];
    for (const c of containers) {
      if (cpu && Number.isNaN(parseQuantity(c.resources?.requests?.cpu))) {
        ctx.report(h, `scales on CPU utilization but container ${c.name} of ${ref.name} ` +
                      `requests no cpu`);
      }
    }
  }

  for (const p of ctx.all.filter((m) => m.obj.kind === "PodDisruptionBudget")) {
    const ns = namespaceOf(p.obj);
    const targets = workloadsSelectedBy(p.obj.spec?.selector, ctx.workloads, ns);
    if (targets.length === 0) {
      ctx.report(p, "selects no pods");
      continue;
    }
    for (const w of targets) {
      const key = `${ns}/${w.obj.kind}/${w.obj.metadata.name}`;
      const replicas = hpaMin.get(key) ?? w.obj.spec?.replicas ?? 1;
      const { minAvailable, maxUnavailable } = p.obj.spec;
      const blocks = maxUnavailable === 0 || maxUnavailable === "0%" ||
        (typeof minAvailable === "number" && minAvailable >= replicas) ||
        minAvailable === "100%";
      if (blocks) {
        ctx.report(p, `allows no voluntary disruption of ${w.obj.kind} ${w.obj.metadata.name} ` +
                      `(${replicas} replica(s)): node drains would hang`);
      }
    }
  }
}
