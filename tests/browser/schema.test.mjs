// The JSON Schema editors get (interventions/_schema.json, generated from the Rust types) as
// taplo — the engine of Even Better TOML — applies it: the shipped catalogue passes, and type
// and key mistakes that `methodewijzer check` rejects are rejected in the editor too.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, copyFileSync, writeFileSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const catalogue = join(root, "interventions");
const bin = process.env.METHODEWIJZER_BIN || join(root, "target/debug/methodewijzer");
const taplo = join(here, "node_modules/.bin/taplo");
// The test catalogues are folders under one, removed after.
const scratch = mkdtempSync(join(tmpdir(), "methodewijzer-schema-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test("taplo accepts every shipped method file through its #:schema line", () => {
  const files = readdirSync(catalogue).filter((f) => f.endsWith(".toml") && !f.startsWith("_"));
  assert.ok(files.length >= 10);
  for (const f of files) {
    assert.match(readFileSync(join(catalogue, f), "utf8"), /^#:schema \.\/_schema\.json\n/, `${f} names the schema`);
  }
  const r = run(taplo, ["check", ...files.map((f) => join(catalogue, f))]);
  assert.equal(r.status, 0, r.output);
});

const VALID = `#:schema ./_schema.json
name = "Wandelclub"
summary = "Samen wandelen tegen eenzaamheid."
themes = ["eenzaamheid"]
target_groups = ["ouderen"]
aim = "Minder eenzaamheid."
approach = "Wekelijks wandelen."
last_reviewed = 2025-06-01
`;

const MISTAKES = {
  "unknown key": VALID.replace("aim =", "aimm ="),
  "unknown key in a table": `${VALID}\n[owner]\norganisation = "X"\nwebsit = "https://example.org"\n`,
  "missing required key": VALID.replace('approach = "Wekelijks wandelen."\n', ""),
  "text where a list belongs": VALID.replace('themes = ["eenzaamheid"]', 'themes = "eenzaamheid"'),
  "number where text belongs": VALID.replace('summary = "Samen wandelen tegen eenzaamheid."', "summary = 3"),
  "list where text belongs": VALID.replace('name = "Wandelclub"', 'name = ["Wandelclub"]'),
  "text where a number belongs": `${VALID}age = { min = "twaalf" }\n`,
  "unknown status": `${VALID}status = "actif"\n`,
  "summary too long": VALID.replace("Samen wandelen tegen eenzaamheid.", "Lang. ".repeat(60)),
  "empty required list": VALID.replace('target_groups = ["ouderen"]', "target_groups = []"),
};

for (const [name, text] of Object.entries(MISTAKES)) {
  test(`taplo and check both reject: ${name}`, () => {
    const dir = mkdtempSync(join(scratch, "case-"));
    for (const f of ["_schema.json", "_vocabularies.toml"]) copyFileSync(join(catalogue, f), join(dir, f));
    writeFileSync(join(dir, "wandelclub.toml"), text);
    const editor = run(taplo, ["check", join(dir, "wandelclub.toml")]);
    assert.notEqual(editor.status, 0, `taplo accepted it:\n${editor.output}`);
    const check = run(bin, ["check", dir]);
    assert.equal(check.status, 1, `check accepted it:\n${check.output}`);
  });
}

test("the valid file passes both", () => {
  const dir = mkdtempSync(join(scratch, "case-"));
  for (const f of ["_schema.json", "_vocabularies.toml"]) copyFileSync(join(catalogue, f), join(dir, f));
  writeFileSync(join(dir, "wandelclub.toml"), VALID);
  assert.equal(run(taplo, ["check", join(dir, "wandelclub.toml")]).status, 0);
  assert.equal(run(bin, ["check", dir]).status, 0);
});
