// Runs inside the process that stands in for one Lambda function: imports the handler from the task root
// (as the Node.js runtime does, with the function's environment only), then turns each HTTP request it
// receives into an API Gateway HTTP API event (payload format 2.0) and the handler's result back into
// the response. Prints "listening <port>" once the handler module has loaded (the cold start).
// Usage (by scripts/rehearse-deploy.mjs): node lambda-bridge.mjs <taskRoot> <module.export> <routeKey…>
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [taskRoot, handlerName] = process.argv.slice(2);
const [file, exportName] = handlerName.split('.');
const module = await import(pathToFileURL(join(taskRoot, `${file}.mjs`)).href);
const handler = module[exportName];
if (typeof handler !== 'function') throw new Error(`${handlerName}: no such function in ${taskRoot}`);

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name !== 'cookie' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: req.headers['x-rehearsal-route-key'] ?? '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(req.headers.cookie ? { cookies: req.headers.cookie.split('; ') } : {}),
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'rehearsal',
      domainName: 'rehearsal.execute-api.ap-northeast-1.amazonaws.com',
      domainPrefix: 'rehearsal',
      http: {
        method: req.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: req.headers['x-rehearsal-route-key'] ?? '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: body.toString('base64'), isBase64Encoded: true } : { isBase64Encoded: false }),
  };
  try {
    const result = await handler(event, {
      awsRequestId: event.requestContext.requestId,
      getRemainingTimeInMillis: () => 29_000,
    });
    const out = { ...(result.headers ?? {}) };
    if (result.cookies?.length) out['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode ?? 200, out);
    res.end(
      result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
    );
  } catch (err) {
    // What API Gateway answers when the function fails.
    process.stderr.write(`handler failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
