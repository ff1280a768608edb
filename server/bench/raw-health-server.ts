import { createServer } from 'node:http';

/**
 * The baseline for `GET /health`: bare node:http answering Kura's body with
 * Kura's content type, and nothing else (no request id, tracing, logging or
 * security headers). Listens on 127.0.0.1:$PORT.
 */
const body = JSON.stringify({ status: 'ok' });
const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be a port number');

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"not found"}');
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
