// A binary's effective settings in one container, as the binary will see
// them: command line (command + args) over environment over default.

import { containerEnv, flagFromArgs, findObject } from "../lib/manifests.mjs";
import { BINARIES, envVarFor } from "./binaries.mjs";

// Returns { get(flag) -> { value, from, secret } , problems[] } for
// `container` running `binary` in namespace `ns`. `problems` lists settings
// the binary does not have.
export function effectiveSettings(container, binary, all, ns) {
  const spec = BINARIES[binary];
  const problems = [];
  const argv = [...(container.command ?? []), ...(container.args ?? [])].map(String);

  // Every GOVREPORT_* variable the container receives must be a flag.
  const known = new Set(spec.flags.map(envVarFor));
  const received = new Map();  // variable -> where it comes from
  for (const e of container.env ?? []) received.set(e.name, `env`);
  for (const s of container.envFrom ?? []) {
    if ((s.prefix ?? "") !== "") continue;
    const ref = s.configMapRef ?? s.secretRef;
    const kind = s.configMapRef ? "ConfigMap" : "Secret";
    const src = ref && findObject(all, kind, ns, ref.name);
    for (const key of Object.keys({ ...(src?.obj.data ?? {}), ...(src?.obj.stringData ?? {}) })) {
      received.set(key, `${kind} ${ref.name}`);
    }
  }
  for (const [name, from] of received) {
    if (name.startsWith("GOVREPORT_") && !known.has(name)) {
      problems.push(`${name} (${from}) is not a setting of ${binary}; ` +
                    `it has ${[...known].join(", ")}`);
    }
  }

  function get(flag) {
    const fromArgs = flagFromArgs(argv, flag);
    if (fromArgs !== undefined) return { value: fromArgs, from: `command line --${flag}` };
    const env = containerEnv(container, envVarFor(flag), all, ns);
    if (env) return { value: env.value, from: env.from, secret: env.value === undefined };
    const d = spec.defaults[flag];
    if (d !== undefined) return { value: String(d), from: `${binary}'s default` };
    return undefined;
  }
  return { get, problems };
}

// An integer setting, or a problem string.
export function intSetting(settings, flag, min, max) {
  const s = settings.get(flag);
  if (!s || s.value === undefined) return { problem: `--${flag} is not readable (${s?.from ?? "unset"})` };
  if (!/^\d+$/.test(s.value) || Number(s.value) < min || Number(s.value) > max) {
    return { problem: `--${flag} = "${s.value}" (${s.from}) is not an integer in ${min}..${max}` };
  }
  return { value: Number(s.value), from: s.from };
}
