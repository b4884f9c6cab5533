// Serves the built app (dist/) on 127.0.0.1, with no dependency: `npm start` builds, then runs
// this. Port from PORT, else 4173; if taken, the next free one. Folder from DIST, else dist.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const ROOT = resolve(fileURLToPath(new URL(`../${process.env.DIST ?? 'dist'}/`, import.meta.url)));
const firstPort = Number(process.env.PORT ?? 4173);
const PORTS_TO_TRY = 20;

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
};

// The app talks to no other host; the browser enforces that too.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; " +
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

async function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = normalize(join(ROOT, path));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return null;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      const index = join(file, 'index.html');
      const indexInfo = await stat(index);
      return { file: index, size: indexInfo.size };
    }
    return { file, size: info.size };
  } catch {
    return null;
  }
}

const server = createServer(async (request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const found = await fileFor(request.url ?? '/');
  if (!found) {
    response
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      .end('Not found\n');
    return;
  }
  const type = MIME_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': found.size,
    // Hashed assets never change; the page itself is checked every time.
    'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=31536000',
    ...SECURITY_HEADERS,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(found.file).pipe(response);
});

try {
  await stat(join(ROOT, 'index.html'));
} catch {
  console.error(`serve: ${ROOT}/index.html is missing; build first with "npx vite build".`);
  process.exit(1);
}

server.on('listening', () => {
  console.log(`Drill planner: http://${HOST}:${server.address().port}/`);
});

function listen(port, triesLeft) {
  const onError = (error) => {
    if (error.code === 'EADDRINUSE' && triesLeft > 1) listen(port + 1, triesLeft - 1);
    else {
      console.error(`serve: cannot listen on ${HOST}:${port}: ${error.message}`);
      process.exit(1);
    }
  };
  server.once('error', onError);
  server.listen(port, HOST, () => server.off('error', onError));
}

listen(firstPort, PORTS_TO_TRY);
