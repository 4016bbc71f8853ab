// Behaviour of the helpers the lint's verdicts rest on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuantity } from "../lint/quantity.mjs";
import { binaryOf, envVarFor } from "../lint/binaries.mjs";
import { effectiveSettings } from "../lint/settings.mjs";
import { containerEnv, flagFromArgs, resolvePort, selectorMatches } from "../lib/manifests.mjs";
import { removedApi } from "../lib/removed-apis.mjs";

test("quantities: millicores, binary and decimal suffixes, exponents", () => {
  assert.equal(parseQuantity("500m"), 0.5);
  assert.equal(parseQuantity("2"), 2);
  assert.equal(parseQuantity(2), 2);
  assert.equal(parseQuantity("1Gi"), 1073741824);
  assert.equal(parseQuantity("512Mi"), 536870912);
  assert.equal(parseQuantity("1G"), 1e9);
  assert.equal(parseQuantity("1e3"), 1000);
  assert.ok(Number.isNaN(parseQuantity("1GB")));
  assert.ok(Number.isNaN(parseQuantity(undefined)));
});

test("binaryOf reads the image repository's last segment, ignoring tag and digest", () => {
  assert.equal(binaryOf("govreport/parser-svc:0.1.0"), "parser-svc");
  assert.equal(binaryOf("registry.example.com:5000/govreport/validator-svc@sha256:abc"), "validator-svc");
  assert.equal(binaryOf("aggregator-svc"), "aggregator-svc");
  assert.equal(binaryOf("docker.io/library/postgres:15"), undefined);
  assert.equal(binaryOf("govreport/parser-svc-debug:1"), undefined);
});

test("envVarFor upper-cases the flag under GOVREPORT_", () => {
  assert.equal(envVarFor("max_message_bytes"), "GOVREPORT_MAX_MESSAGE_BYTES");
});

test("flagFromArgs accepts --flag=v, --flag v and -flag=v", () => {
  assert.equal(flagFromArgs(["--port=6000"], "port"), "6000");
  assert.equal(flagFromArgs(["--log_level", "debug", "--port", "7"], "port"), "7");
  assert.equal(flagFromArgs(["-port=8"], "port"), "8");
  assert.equal(flagFromArgs(["--metrics_port=9"], "port"), undefined);
});

test("selectors: matchLabels and matchExpressions; {} selects all, undefined none", () => {
  const labels = { app: "a", tier: "x" };
  assert.ok(selectorMatches({}, labels));
  assert.ok(!selectorMatches(undefined, labels));
  assert.ok(selectorMatches({ matchLabels: { app: "a" } }, labels));
  assert.ok(!selectorMatches({ matchLabels: { app: "b" } }, labels));
  assert.ok(selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: ["x"] }] }, labels));
  assert.ok(!selectorMatches({ matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] }, labels));
});

const cm = (name, data) => ({ obj: { kind: "ConfigMap", metadata: { name, namespace: "ns" }, data } });

test("containerEnv: env beats envFrom, later envFrom beats earlier, Secrets hide values", () => {
  const all = [cm("a", { GOVREPORT_PORT: "1" }), cm("b", { GOVREPORT_PORT: "2" }),
    { obj: { kind: "Secret", metadata: { name: "s", namespace: "ns" }, data: { GOVREPORT_DB: "eA==" } } }];
  const c = { envFrom: [{ configMapRef: { name: "a" } }, { configMapRef: { name: "b" } }, { secretRef: { name: "s" } }] };
  assert.deepEqual(containerEnv(c, "GOVREPORT_PORT", all, "ns"), { value: "2", from: "ConfigMap b" });
  assert.equal(containerEnv(c, "GOVREPORT_DB", all, "ns").value, undefined);
  const withEnv = { ...c, env: [{ name: "GOVREPORT_PORT", value: "3" }] };
  assert.equal(containerEnv(withEnv, "GOVREPORT_PORT", all, "ns").value, "3");
  assert.equal(containerEnv(c, "GOVREPORT_HOST", all, "ns"), undefined);
});

test("effective settings: command line over environment over default; unknown variables reported", () => {
  const all = [cm("p", { GOVREPORT_PORT: "6000", GOVREPORT_PROT: "1" })];
  const c = { envFrom: [{ configMapRef: { name: "p" } }], args: ["--metrics_port=9999"] };
  const s = effectiveSettings(c, "parser-svc", all, "ns");
  assert.equal(s.get("port").value, "6000");
  assert.equal(s.get("metrics_port").value, "9999");
  assert.equal(s.get("shutdown_deadline_seconds").value, "20");
  assert.equal(s.problems.length, 1);
  assert.match(s.problems[0], /^GOVREPORT_PROT \(ConfigMap p\) is not a setting of parser-svc/);
});

test("resolvePort: numbers, numeric strings and container port names", () => {
  const c = { ports: [{ name: "grpc", containerPort: 50051 }] };
  assert.equal(resolvePort(50051, c), 50051);
  assert.equal(resolvePort("50051", c), 50051);
  assert.equal(resolvePort("grpc", c), 50051);
  assert.equal(resolvePort("metrics", c), undefined);
});

test("removed APIs: whole versions, and only the removed kinds of reused versions", () => {
  assert.match(removedApi("autoscaling/v2beta2", "HorizontalPodAutoscaler"), /1\.26; use autoscaling\/v2/);
  assert.match(removedApi("policy/v1beta1", "PodDisruptionBudget"), /1\.25/);
  assert.equal(removedApi("autoscaling/v2", "HorizontalPodAutoscaler"), undefined);
  assert.equal(removedApi("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy"), undefined);
  assert.ok(removedApi("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration"));
});
