#!/usr/bin/env node
// The project lint for rendered manifests (`kubectl kustomize` output): what
// the Kubernetes schema cannot know about govreport.
//
//   node lint.mjs rendered.yaml [more.yaml ...]
//
// - every Deployment/StatefulSet container has startup, readiness and liveness
//   probes, resources requests and limits (cpu and memory), and the restricted
//   securityContext (runAsNonRoot, readOnlyRootFilesystem,
//   allowPrivilegeEscalation false, capabilities drop ALL, seccompProfile
//   RuntimeDefault);
// - a govreport binary's probes are native gRPC probes, and its probes,
//   container ports, Services, NetworkPolicies and Prometheus annotations use
//   the ports it is configured to listen on (command line, else its GOVREPORT_*
//   environment, else its default), and its GOVREPORT_* settings are flags it has;
// - terminationGracePeriodSeconds exceeds the server's shutdown deadline;
// - a Deployment an HPA manages sets no replicas; PDBs leave room for drains;
// - a default-deny NetworkPolicy; a server's port admits only its callers
//   (parser/validator: the aggregator; aggregator: dashboard clients;
//   PostgreSQL: the aggregator); the aggregator's addresses name the headless
//   Services of the right binaries; its DSN comes from a Secret.
// Exit 0 when clean, 1 with one line per problem otherwise.

import { loadManifests } from "./lib/manifests.mjs";
import { lintWorkloads } from "./lint/workloads.mjs";
import { lintServices } from "./lint/services.mjs";
import { lintAutoscaling } from "./lint/autoscaling.mjs";
import { lintNetwork } from "./lint/network.mjs";

const WORKLOAD_KINDS = ["Deployment", "StatefulSet"];

function main(files) {
  if (files.length === 0) {
    console.error("usage: lint.mjs rendered.yaml [...]");
    return 2;
  }
  const all = loadManifests(files);
  const problems = [];
  const ctx = {
    all,
    workloads: all.filter((m) => WORKLOAD_KINDS.includes(m.obj.kind)),
    listening: new Map(),  // "ns/name" of a govreport workload -> its ports
    report(m, msg) {
      problems.push(`${m.where ? `${m.where} ` : ""}${m.id}: ${msg}`);
    },
  };
  lintWorkloads(ctx);
  lintServices(ctx);
  lintAutoscaling(ctx);
  lintNetwork(ctx);
  for (const p of problems) console.log(p);
  console.log(`lint: ${all.length} objects, ${problems.length} problems`);
  return problems.length ? 1 : 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (err) {
  console.error(`lint: ${err.message}`);
  process.exit(2);
}
