// What the browser-search benchmarks share: a static server that gzips like a host does, and
// the judged queries.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.xml': 'application/xml' };
/**
 * Serves `site` on a free loopback port over HTTP/1.1, every response gzipped (level 9, once
 * per file) and logged as `{path, bytes}`: resolves to `{server, log, url}`.
 */
export function serve(site) {
  const gz = new Map(); // path → gzipped body, compressed once
  const log = [];
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(site, normalize(path));
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }));
    const body = gz.get(file);
    log.push({ path, bytes: body.length });
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Encoding': 'gzip', 'Content-Length': body.length, 'Cache-Control': 'max-age=3600',
      // Cross-origin isolation, so that performance.now() has 5 µs steps instead of 100 µs.
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, log, url: `http://127.0.0.1:${server.address().port}/` })));
}

/** The judged queries of `set` (`queries` or `blind`), read as the relevance example reads them (`text = "…"` lines). */
export function judgedQueries(set = 'queries') {
  return [...readFileSync(join(ROOT, `tests/relevance/${set}.toml`), 'utf8').matchAll(/^text = "(.*)"$/gm)].map((m) => JSON.parse(`"${m[1]}"`));
}
