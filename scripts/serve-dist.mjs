#!/usr/bin/env node
/**
 * A tiny, dependency-free static file server for the built site (dist/), used by Playwright's
 * webServer and by the sub-path tests. Plain ESM JavaScript so it runs on node 20 and 24.
 *
 *   node scripts/serve-dist.mjs [--port 4390] [--host 127.0.0.1] [--base /archive/karabakh/] [--dir dist] [--not-found 404.html]
 *
 * --base serves the folder under that sub-path only (everything else is 404), the way the
 * site is served from an archive. A folder URL serves its index.html; a folder URL without
 * its trailing slash redirects to it (as static hosts do), so relative links keep resolving.
 * With --not-found FILE (a path inside the folder), a missing URL under the base gets that file
 * with status 404, as static hosts serve 404.html.
 * Nothing is compressed or cached: the gates measure the bytes themselves.
 *
 * Also importable: `createStaticServer({ root, base, notFound })` returns an unstarted node:http server.
 */
import { createServer } from 'node:http';
import { existsSync, statSync, createReadStream } from 'node:fs';
import { resolve, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types of every kind of file the build writes (Astro, Pagefind, feeds, downloads). */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  // Pagefind's index, fragments and metadata are gzip-compressed binary blobs.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
};

/** The content type for a file name ('application/octet-stream' when unknown). */
export function contentType(file) {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** '/archive/karabakh' or 'archive/karabakh/' → '/archive/karabakh/'; '' → '/'. */
export function normaliseBase(base = '/') {
  const trimmed = String(base).replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/**
 * An unstarted static server for `root` under `base`. Only GET and HEAD are answered.
 * @param {{ root: string, base?: string, log?: boolean, notFound?: string }} options
 */
export function createStaticServer({ root, base = '/', log = false, notFound }) {
  const dir = resolve(root);
  const prefix = normaliseBase(base);
  const notFoundFile = notFound ? resolve(dir, notFound) : undefined;
  return createServer((req, res) => {
    const done = (status) => {
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      done(405);
      return send(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      done(400);
      return send(res, 400, 'Bad request\n');
    }
    if (pathname.includes('\0')) {
      done(400);
      return send(res, 400, 'Bad request\n');
    }
    // The base without its trailing slash names the folder: redirect as a static host would.
    if (prefix !== '/' && pathname === prefix.slice(0, -1)) {
      done(301);
      return send(res, 301, '', { location: prefix });
    }
    if (!pathname.startsWith(prefix)) {
      done(404);
      return send(res, 404, `Not found (this server serves only under ${prefix})\n`);
    }
    const inside = pathname.slice(prefix.length);
    let file = resolve(dir, inside);
    if (file !== dir && !file.startsWith(dir + sep)) {
      done(403);
      return send(res, 403, 'Forbidden\n');
    }
    let stat = existsSync(file) ? statSync(file) : undefined;
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const url = new URL(req.url ?? '/', 'http://localhost');
        done(301);
        return send(res, 301, '', { location: `${url.pathname}/${url.search}` });
      }
      file = join(file, 'index.html');
      stat = existsSync(file) ? statSync(file) : undefined;
    }
    if (!stat?.isFile()) {
      done(404);
      if (notFoundFile && existsSync(notFoundFile)) {
        res.writeHead(404, {
          'content-type': contentType(notFoundFile),
          'content-length': statSync(notFoundFile).size,
          'cache-control': 'no-store',
        });
        return req.method === 'HEAD' ? res.end() : createReadStream(notFoundFile).pipe(res);
      }
      return send(res, 404, 'Not found\n');
    }
    done(200);
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-length': stat.size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
}

function parseArgs(argv) {
  const options = { port: 4390, host: '127.0.0.1', base: '/', dir: 'dist', log: false, notFound: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--base') options.base = value();
    else if (flag === '--dir') options.dir = value();
    else if (flag === '--not-found') options.notFound = value();
    else if (flag === '--log') options.log = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'Usage: node scripts/serve-dist.mjs [--port N] [--host H] [--base /sub/path/] [--dir dist] [--not-found 404.html] [--log]',
      );
      process.exit(0);
    } else {
      console.error(`serve-dist: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('serve-dist: --port needs a number between 0 and 65535');
    process.exit(2);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const root = resolve(options.dir);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`serve-dist: ${root}/index.html does not exist; build the site first (npm run build).`);
    process.exit(1);
  }
  const server = createStaticServer({ root, base: options.base, log: options.log, notFound: options.notFound });
  server.on('error', (error) => {
    console.error(`serve-dist: ${error.message}`);
    process.exit(1);
  });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    console.log(`serve-dist: serving ${root} at http://${options.host}:${port}${normaliseBase(options.base)}`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections?.();
    });
}
