// API versions that Kubernetes no longer serves, from the Kubernetes
// "Deprecated API Migration Guide". The schema package keeps their models,
// so validate-schemas.mjs refuses them by this table instead. Groups that
// reintroduced a version for new kinds list the removed kinds only.

const TABLE = [
  // [apiVersion, kinds ("*" = all), removed in, use instead]
  ["extensions/v1beta1", "*", "1.16/1.22", "apps/v1, networking.k8s.io/v1"],
  ["apps/v1beta1", "*", "1.16", "apps/v1"],
  ["apps/v1beta2", "*", "1.16", "apps/v1"],
  ["admissionregistration.k8s.io/v1beta1",
    ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.22",
    "admissionregistration.k8s.io/v1"],
  ["apiextensions.k8s.io/v1beta1", "*", "1.22", "apiextensions.k8s.io/v1"],
  ["apiregistration.k8s.io/v1beta1", "*", "1.22", "apiregistration.k8s.io/v1"],
  ["authentication.k8s.io/v1beta1", ["TokenReview"], "1.22", "authentication.k8s.io/v1"],
  ["authorization.k8s.io/v1beta1", "*", "1.22", "authorization.k8s.io/v1"],
  ["certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", "certificates.k8s.io/v1"],
  ["coordination.k8s.io/v1beta1", ["Lease"], "1.22", "coordination.k8s.io/v1"],
  ["networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", "networking.k8s.io/v1"],
  ["rbac.authorization.k8s.io/v1beta1", "*", "1.22", "rbac.authorization.k8s.io/v1"],
  ["scheduling.k8s.io/v1beta1", "*", "1.22", "scheduling.k8s.io/v1"],
  ["storage.k8s.io/v1beta1",
    ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment", "CSIStorageCapacity"],
    "1.22/1.27", "storage.k8s.io/v1"],
  ["batch/v1beta1", "*", "1.25", "batch/v1"],
  ["discovery.k8s.io/v1beta1", "*", "1.25", "discovery.k8s.io/v1"],
  ["events.k8s.io/v1beta1", "*", "1.25", "events.k8s.io/v1"],
  ["autoscaling/v2beta1", "*", "1.25", "autoscaling/v2"],
  ["policy/v1beta1", "*", "1.25", "policy/v1"],
  ["node.k8s.io/v1beta1", "*", "1.25", "node.k8s.io/v1"],
  ["autoscaling/v2beta2", "*", "1.26", "autoscaling/v2"],
  ["flowcontrol.apiserver.k8s.io/v1beta1", "*", "1.26", "flowcontrol.apiserver.k8s.io/v1"],
  ["flowcontrol.apiserver.k8s.io/v1beta2", "*", "1.29", "flowcontrol.apiserver.k8s.io/v1"],
  ["flowcontrol.apiserver.k8s.io/v1beta3", "*", "1.32", "flowcontrol.apiserver.k8s.io/v1"],
];

// "removed in Kubernetes 1.26; use autoscaling/v2", or undefined when served.
export function removedApi(apiVersion, kind) {
  for (const [v, kinds, release, instead] of TABLE) {
    if (v === apiVersion && (kinds === "*" || kinds.includes(kind))) {
      return `removed in Kubernetes ${release}; use ${instead}`;
    }
  }
  return undefined;
}
