// A tiny static file server for dist/ on loopback, as a static host would serve it (directory → index.html, 404.html),
// gzip-compressing text as every host the README documents does, so measured transfer sizes match production.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

export function startStaticServer(root, { headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(root))) return res.writeHead(403).end();
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      const compress = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      res.writeHead(200, { "Content-Type": type, ...(compress ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}), ...headers });
      res.end(compress ? gzipSync(body) : body);
    } catch {
      const body = await readFile(join(root, "404.html")).catch(() => "not found");
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(body);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })),
  );
}
