// ESLint (flat config) over the project's JavaScript, with the recommended rules:
//   - site/static/*.js: the site's browser scripts, loaded as ES modules
//     (<script type="module" src="search.js">, which imports search-engine.js and stem-nl.js);
//     search-engine.js and stem-nl.js are also imported by Node (tests/browser/parity.test.mjs);
//   - tests/browser/*.mjs and scripts/*.mjs: Node ES modules (those that drive Chromium also
//     get the browser's globals, for the functions they run in the page).
// ESLint and its packages are devDependencies of tests/browser (installed there with `npm ci`
// from its lockfile), so they are loaded from that folder. Run from the repository root:
//   npx --prefix tests/browser eslint
import { createRequire } from "node:module";

const require = createRequire(new URL("./tests/browser/package.json", import.meta.url));
const js = require("@eslint/js");
const globals = require("globals");

export default [
  {
    // With no file arguments, `eslint` lints exactly these; the rest is not JavaScript of ours.
    ignores: ["target/**", "fuzz/**", "crates/**", "interventions/**", "**/node_modules/**"],
  },
  js.configs.recommended,
  {
    files: ["site/static/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: globals.browser,
    },
  },
  {
    files: ["tests/browser/*.mjs", "scripts/*.mjs", "eslint.config.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: globals.node,
    },
  },
  {
    // These drive Chromium with Playwright: the functions they pass to page.evaluate run in
    // the page, where window, document and location are defined.
    files: ["tests/browser/site.test.mjs", "tests/browser/proposal.test.mjs", "tests/browser/support.mjs", "scripts/bench-search.mjs", "scripts/bench-typing.mjs"],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
  },
];
