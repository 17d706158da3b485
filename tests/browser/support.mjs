// What the Chromium test files share: the static host they serve built sites from, the
// browser they launch, a page opened with its script errors collected, and axe-core.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
  ".csv": "text/csv", ".toml": "text/plain",
};

/** Serves `dirs` (prefix → folder) like a static host: folders get index.html, else 404.html. */
export function serve(dirs) {
  return new Promise((ok) => {
    const s = createServer((req, res) => {
      const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
      for (const [prefix, dir] of Object.entries(dirs)) {
        if (!url.startsWith(prefix)) continue;
        let file = join(dir, url.slice(prefix.length));
        if (!file.startsWith(dir)) break;
        if (existsSync(file) && statSync(file).isDirectory()) {
          if (!url.endsWith("/")) { res.writeHead(301, { Location: url + "/" }); return res.end(); }
          file = join(file, "index.html");
        }
        if (existsSync(file) && statSync(file).isFile()) {
          res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
          return res.end(readFileSync(file));
        }
        res.writeHead(404, { "Content-Type": TYPES[".html"] });
        return res.end(readFileSync(join(dir, "404.html")));
      }
      res.writeHead(404); res.end();
    });
    s.listen(0, "127.0.0.1", () => ok(s));
  });
}

/** Debian's Chromium (or `$CHROMIUM`), headless, without its network chatter. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** `url` in a fresh context of `browser`, with the page's script errors collected. */
export async function openIn(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto(url);
  return { context, page, response, errors };
}

/** axe-core's WCAG 2.1 AA violations on the page as it is now, one line each. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" | ")})`);
}
