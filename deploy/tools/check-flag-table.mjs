// Checks lint/binaries.mjs against the binaries themselves: the flags each
// binary's --help lists must be exactly the flags the lint knows for it, so a
// flag added to a main.cc without the table (or removed from it) fails here
// instead of being reported as "unknown flag" on a correct manifest.
//
//   node deploy/tools/check-flag-table.mjs BIN_DIR
//
// Exit 0 when every table matches, 1 on a difference, 77 (skip) when a
// binary is not built.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BINARIES } from "./lint/binaries.mjs";

const binDir = process.argv[2];
if (!binDir) {
  console.error("usage: check-flag-table.mjs BIN_DIR");
  process.exit(2);
}

let failed = false;
for (const [name, binary] of Object.entries(BINARIES)) {
  const path = join(binDir, name);
  if (!existsSync(path)) {
    console.log(`${path}: not built; skipping`);
    process.exit(77);
  }
  const help = execFileSync(path, ["--help"], { encoding: "utf8" });
  // Flag lines: "  --name  [GOVREPORT_NAME]  default: ...".
  const listed = new Set(
    [...help.matchAll(/^ {2}--([a-z0-9_]+) {2}\[/gm)].map((m) => m[1]));
  const known = new Set(binary.flags);
  const missing = [...listed].filter((f) => !known.has(f)).sort();
  const stale = [...known].filter((f) => !listed.has(f)).sort();
  if (listed.size === 0) {
    console.error(`${name}: no flag found in --help output`);
    failed = true;
  }
  if (missing.length > 0) {
    console.error(`${name}: --help lists flags lint/binaries.mjs lacks: ${missing.join(", ")}`);
    failed = true;
  }
  if (stale.length > 0) {
    console.error(`${name}: lint/binaries.mjs lists flags the binary lacks: ${stale.join(", ")}`);
    failed = true;
  }
  if (missing.length === 0 && stale.length === 0 && listed.size > 0)
    console.log(`${name}: ${listed.size} flags match`);
}
process.exit(failed ? 1 : 0);
