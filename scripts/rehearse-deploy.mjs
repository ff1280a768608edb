// The deploy rehearsal: runs the built bundles (npm run build) as the synthesized ECS task definitions
// configure them, from a folder with no node_modules, against a PostgreSQL server that accepts TLS only
// (trusted through DATABASE_CA_FILE, the mechanism the image uses for the RDS bundle), fauxqs for SQS
// and S3, a Cognito-shaped issuer and an OTLP sink. Only endpoints and secrets are replaced. It catches
// drift between the infrastructure and the code: a variable the code needs and the task lacks, a CA
// the process does not trust, a bundle that needs a package the image does not have.
//
// With Lambda compute (the environment's config, or --compute lambda), the product and order API functions
// run too: each from its code folder in cdk.out, invoked with API Gateway HTTP API events (scripts/
// rehearsal/lambda-bridge.mjs), and the customer's catalog read and order go through them.
//
// --also stg,prd synthesizes those too (one synth) and fails when their task definitions or functions differ
// in shape (command, user, variable and secret names) from the rehearsed environment's.
//
// Usage: node scripts/rehearse-deploy.mjs [--env dev] [--compute lambda] [--also stg,prd] [--node <node24>] [--keep]
// (after `npm run build`; as root it runs the tasks as `nobody`, as the task definitions' `user` says.)
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { startTask, waitUntil } from './rehearsal/processes.mjs';
import { startAwsEmulator, startIssuer, startOtlpSink, startSecretsManager } from './rehearsal/stand-ins.mjs';
import {
  containerEnvironment,
  functionEnvironment,
  inLocalImage,
  matchRoute,
  readImageConfig,
  readLambdaApi,
  readTaskDefinitions,
  shapeDifferences,
  synthesize,
} from './rehearsal/task-definitions.mjs';
import { startTlsPostgres, tryConnect } from './rehearsal/tls-postgres.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    env: { type: 'string', default: 'dev' },
    compute: { type: 'string' },
    // Other environments whose task definitions must have the rehearsed one's shape (comma-separated).
    also: { type: 'string', default: '' },
    node: { type: 'string', default: process.env.KURA_REHEARSAL_NODE ?? process.execPath },
    keep: { type: 'boolean', default: false },
  },
});
const environment = options.env;
const others = options.also
  .split(',')
  .map((e) => e.trim())
  .filter((e) => e && e !== options.env);
const node = options.node;

const started = performance.now();
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const cleanups = [];
const timings = [];

/** One step: its line, its time, and on failure the reason (the rehearsal stops at the first). */
async function step(id, name, run) {
  const t = performance.now();
  process.stdout.write(`▶ ${name}\n`);
  try {
    const detail = await run();
    timings.push([id, seconds(t)]);
    process.stdout.write(`✓ ${name} (${seconds(t)} s)${detail ? `: ${detail}` : ''}\n`);
  } catch (err) {
    process.stdout.write(`✗ ${name} (${seconds(t)} s)\n\n${err instanceof Error ? err.message : String(err)}\n`);
    throw new RehearsalFailed(name);
  }
}
class RehearsalFailed extends Error {}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The task definitions' `user` is node: as root, run as an unprivileged user when the node binary allows it. */
function unprivilegedUser() {
  if (process.getuid?.() !== 0) return undefined;
  for (let dir = node; dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      process.stdout.write(`  (running the tasks as root: ${dir} is not searchable by others)\n`);
      return undefined;
    }
  }
  const id = (flag) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

const work = mkdtempSync(join(tmpdir(), 'kura-rehearsal-'));
chmodSync(work, 0o755);
const appDir = join(work, 'app');
const outDir = join(work, 'cdk.out');
let tasks;
let targetHealthPath;
let image;
let db;
let aws;
let issuer;
let otlp;
let api;
let apiUrl;
let worker;
let lambdaApi;
let productId;
/** Function logical id → the port of the process standing in for it. */
const lambdaPorts = {};
const user = unprivilegedUser();
const region = () => tasks.api.container.Environment.find((e) => e.Name === 'AWS_REGION')?.Value;

/** Every task's environment, built the same way; `endpoints` are the only values replaced. */
function environmentOf(entry, apiPort) {
  const caPath = image.env.DATABASE_CA_FILE;
  const endpoints = {
    KURA_EVENT_QUEUE_URL: aws.queueUrl,
    KURA_EVENT_DLQ_URL: aws.deadLetterQueueUrl,
    KURA_MEDIA_BUCKET: aws.bucket,
    // The telemetry bus the relay publishes alert events on. No alert is raised here, so only its name
    // is read; its endpoint is the emulator's (which has no EventBridge), so a stray call never reaches AWS.
    KURA_EVENT_BUS_NAME: 'kura-rehearsal-telemetry',
    KURA_OIDC_ISSUER: issuer.issuer,
    KURA_OIDC_AUDIENCE: issuer.clientId,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
    // The container's port and address: a free loopback port on this shared machine.
    HOST: '127.0.0.1',
    PORT: String(apiPort ?? 0),
    // The trust anchor: the rehearsal's CA in place of the RDS bundle, through the same variable.
    ...(caPath ? { DATABASE_CA_FILE: db.caFile } : {}),
  };
  return containerEnvironment({
    entry,
    task: tasks[entry],
    image,
    endpoints,
    secret: db.secret,
    platform: {
      // What ECS gives every task without the task definition naming it: a PATH, the task role's
      // credentials (fauxqs accepts any), and here the emulator in place of AWS's own endpoints.
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      AWS_ACCESS_KEY_ID: 'rehearsal',
      AWS_SECRET_ACCESS_KEY: 'rehearsal-secret',
      KURA_SQS_ENDPOINT: aws.endpoint,
      KURA_S3_ENDPOINT: aws.endpoint,
      KURA_EVENTBRIDGE_ENDPOINT: aws.endpoint,
    },
  });
}

function launch(entry, env) {
  const command = tasks[entry].container.Command;
  const task = startTask({ name: entry, node, args: command.slice(1), cwd: appDir, env, user });
  cleanups.push(() => task.stop('SIGKILL'));
  return task;
}

async function call(path, { token, method = 'GET', body, headers = {}, base = apiUrl } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

/** A request as CloudFront → API Gateway would route it to a Lambda function (no route: an error). */
function lambdaCall(path, options = {}) {
  const method = options.method ?? 'GET';
  const route = matchRoute(lambdaApi.routes, method, path.split('?')[0]);
  if (!route?.functionId) throw new Error(`API Gateway has no Lambda route for ${method} ${path}`);
  return call(path, {
    ...options,
    base: `http://127.0.0.1:${lambdaPorts[route.functionId]}`,
    headers: { ...options.headers, 'x-rehearsal-route-key': route.routeKey },
  });
}

const usesLambda = () => Object.keys(lambdaApi.functions).length > 0;

function expectStatus(what, result, status) {
  if (result.status !== status) {
    throw new Error(`${what}: ${result.status}, expected ${status}: ${JSON.stringify(result.body).slice(0, 500)}`);
  }
  return result.body;
}

/** Reads the product, orders two, and follows the order until the worker has answered; returns what it saw. */
async function orderThrough(customerCall, customer) {
  const shown = expectStatus(`GET /api/products/${productId}`, await customerCall(`/api/products/${productId}`), 200);
  if (shown.id !== productId)
    throw new Error(`GET /api/products/${productId} showed ${JSON.stringify(shown).slice(0, 200)}`);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + 2 * 86_400_000),
  );
  const order = expectStatus(
    'POST /api/orders',
    await customerCall('/api/orders', {
      token: customer,
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: {
        lines: [{ productId, quantity: 2 }],
        shippingAddress: {
          postalCode: '150-0001',
          prefecture: '東京都',
          city: '渋谷区',
          line1: '神宮前1-2-3',
          name: '山田 花子',
          phone: '03-1234-5678',
        },
        delivery: { date, slot: '14-16' },
      },
    }),
    201,
  );
  const placedAt = performance.now();
  const state = await waitUntil(
    async () => (await customerCall(`/api/orders/${order.id}`, { token: customer })).body.state,
    (s) => s !== 'pending',
    { timeoutMs: 60_000, what: `order ${order.id} leaving pending` },
  ).catch((err) => {
    throw new Error(`${err.message}\n--- worker output ---\n${worker.tail()}`);
  });
  if (state !== 'confirmed')
    throw new Error(`order ${order.id} is ${state}, not confirmed\n--- worker output ---\n${worker.tail()}`);
  return `order confirmed ${seconds(placedAt)} s after it was placed`;
}

async function rehearse() {
  process.stdout.write(
    `deploy rehearsal: ${environment}, tasks on ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}\n`,
  );

  await step(
    'synth',
    `synth Kura-${environment} (offline) and read the api, worker and migrate task definitions and any Lambda API`,
    async () => {
      synthesize({ repoRoot, environment, outDir, compute: options.compute, all: others.length > 0 });
      ({ tasks, targetHealthPath } = readTaskDefinitions({ outDir, environment }));
      image = readImageConfig(join(repoRoot, 'Dockerfile'));
      lambdaApi = readLambdaApi({ outDir, environment });
      const functions = Object.keys(lambdaApi.functions);
      return [
        ...Object.entries(tasks).map(
          ([entry, t]) =>
            `${entry}: ${t.container.Command.join(' ')}, ${t.container.Environment?.length ?? 0} env, ${t.container.Secrets?.length ?? 0} secrets`,
        ),
        functions.length > 0 ? `Lambda: ${functions.join(', ')} on ${lambdaApi.routes.length} routes` : 'no Lambda API',
      ].join('; ');
    },
  );

  if (others.length > 0) {
    await step(
      'parity',
      `${others.join(' and ')} run what ${environment} runs: same commands, users, variable and secret names`,
      async () => {
        const differences = others.flatMap((other) => shapeDifferences({ outDir, reference: environment, other }));
        if (differences.length > 0) throw new Error(differences.join('\n'));
        return `${Object.keys(tasks).length} task definitions${usesLambda() ? ` and ${Object.keys(lambdaApi.functions).length} functions` : ''} in each`;
      },
    );
  }

  await step('image', 'copy the bundles into a folder laid out as the image (no node_modules)', async () => {
    const dist = join(repoRoot, 'server', 'dist');
    if (!existsSync(join(dist, 'api.mjs'))) throw new Error('server/dist has no bundles: run `npm run build` first');
    cpSync(dist, join(appDir, 'dist'), { recursive: true });
    cpSync(join(repoRoot, 'server', 'drizzle'), join(appDir, 'drizzle'), { recursive: true });
    // Only dist/node_modules (sharp, as the image has it); nothing a bundle could resolve from above.
    for (let dir = appDir; dir !== dirname(dir); dir = dirname(dir)) {
      if (existsSync(join(dir, 'node_modules')))
        throw new Error(`${join(dir, 'node_modules')} exists: the bundles could resolve packages the image lacks`);
    }
    const caPath = image.env.DATABASE_CA_FILE;
    if (!caPath) throw new Error('the Dockerfile sets no DATABASE_CA_FILE: the tasks would not trust Aurora');
    const local = inLocalImage({ imagePath: caPath, workdir: image.workdir, appDir });
    if (!local)
      throw new Error(`DATABASE_CA_FILE=${caPath}: no such file in the image's ${image.workdir} (from server/dist)`);
    const pems =
      readFileSync(local, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    const now = Date.now();
    const roots = pems
      .map((pem) => new X509Certificate(pem))
      .filter((c) => c.subject.includes(`CN=Amazon RDS ${region()} Root CA`) && Date.parse(c.validTo) > now);
    if (roots.length === 0)
      throw new Error(`${caPath} holds no current RDS root CA for ${region()} (${pems.length} certificates)`);
    return `${pems.length} CAs in ${caPath}, ${roots.length} current roots for ${region()}`;
  });

  await step('postgres', 'start PostgreSQL that accepts TLS only, with its own CA', async () => {
    db = await startTlsPostgres({ dir: join(work, 'pg'), port: await freePort() });
    cleanups.push(() => db.stop());
    const plain = await tryConnect(db.secret, false);
    if (!/no encryption/.test(plain)) throw new Error(`a plain connection was not refused: ${plain}`);
    const rds = readFileSync(join(appDir, 'dist', 'rds-ca-bundle.pem'), 'utf8');
    const untrusted = await tryConnect(db.secret, { rejectUnauthorized: true, ca: rds });
    if (untrusted === 'ok')
      throw new Error('the RDS bundle trusted the rehearsal server: the check would prove nothing');
    const trusted = await tryConnect(db.secret, { rejectUnauthorized: true, ca: db.ca });
    if (trusted !== 'ok') throw new Error(`its own CA is not trusted: ${trusted}`);
    return `port ${db.secret.port}; plain refused ("${plain.slice(0, 60)}…"); RDS bundle refused ("${untrusted}")`;
  });

  await step('stand-ins', 'start the stand-ins: fauxqs (SQS, S3), the issuer, the OTLP sink', async () => {
    const maxReceiveCount = Number(
      tasks.worker.container.Environment.find((e) => e.Name === 'KURA_EVENT_MAX_RECEIVE_COUNT')?.Value ?? 5,
    );
    aws = await startAwsEmulator({ maxReceiveCount });
    cleanups.push(() => aws.stop());
    issuer = await startIssuer({ clientId: 'rehearsal-web-client' });
    cleanups.push(() => issuer.stop());
    otlp = await startOtlpSink();
    cleanups.push(() => otlp.stop());
    return `fauxqs ${aws.endpoint}, issuer ${issuer.issuer}`;
  });

  await step('migrate', 'migrate task exits 0', async () => {
    const { env, replaced, secrets } = environmentOf('migrate');
    const migrate = launch('migrate', env);
    const { code, signal, error } = await migrate.waitForExit({ timeoutMs: 120_000 });
    if (code !== 0) throw new Error(`migrate exited with ${error?.message ?? code ?? signal}:\n${migrate.tail()}`);
    return `replaced ${replaced.join(', ')}; secrets ${secrets.join(', ')}`;
  });

  await step(
    'api',
    "api task: /health, /ready, the load balancer's and the container's health checks answer 200",
    async () => {
      const port = await freePort();
      apiUrl = `http://127.0.0.1:${port}`;
      api = launch('api', environmentOf('api', port).env);
      const probe = async (path) => (await fetch(`${apiUrl}${path}`, { signal: AbortSignal.timeout(5_000) })).status;
      const exitedEarly = api.exited.then(({ code }) => {
        throw new Error(`api exited (code ${code}):\n${api.tail()}`);
      });
      const startPeriod = (tasks.api.container.HealthCheck?.StartPeriod ?? 60) * 1000;
      await Promise.race([
        waitUntil(
          () => probe('/ready'),
          (s) => s === 200,
          { timeoutMs: startPeriod, what: `api ${apiUrl}/ready` },
        ),
        exitedEarly,
      ]).catch((err) => {
        throw new Error(`${err.message}\n--- api output ---\n${api.tail()}`);
      });
      const health = await probe('/health');
      if (health !== 200) throw new Error(`/health answered ${health}`);
      if (!targetHealthPath) throw new Error('the template has no target group health-check path');
      const target = await probe(targetHealthPath);
      if (target !== 200) throw new Error(`the target group's health check ${targetHealthPath} answered ${target}`);
      const check = tasks.api.container.HealthCheck?.Command;
      if (check?.[0] === 'CMD') {
        // The container's own check, with the task's port replaced by the local one.
        const [, binary, ...args] = check;
        const local = args.map((a) => a.replaceAll(':8080/', `:${port}/`));
        execFileSync(binary === 'node' ? node : binary, local, { timeout: 10_000 });
      }
      return `listening on ${apiUrl}; target group checks ${targetHealthPath}`;
    },
  );

  await step('worker', 'worker task starts and polls the event queue', async () => {
    worker = launch('worker', environmentOf('worker').env);
    await worker.waitForLine(/"worker started"/, { timeoutMs: 60_000 }).catch((err) => {
      throw new Error(`${err.message}\n--- worker output ---\n${worker.tail()}`);
    });
  });

  if (usesLambda()) {
    await step(
      'lambda',
      'Lambda functions cold-start from their cdk.out code with their configured environment',
      async () => {
        const orderRoutes = lambdaApi.routes.filter((r) => /\/api\/(orders|cart)/.test(r.routeKey));
        if (orderRoutes.length === 0) throw new Error('API Gateway has no order routes');
        const open = orderRoutes.filter((r) => r.authorizer?.AuthorizerType !== 'JWT');
        if (open.length > 0)
          throw new Error(`order routes without the Cognito JWT authorizer: ${open.map((r) => r.routeKey).join(', ')}`);
        const missing = lambdaApi.routes.filter((r) => !r.functionId);
        if (missing.length > 0)
          throw new Error(`routes to no Lambda function: ${missing.map((r) => r.routeKey).join(', ')}`);
        const secretArn = `arn:aws:secretsmanager:${region()}:123456789012:secret:rehearsal-db-AbCdEf`;
        const secrets = await startSecretsManager({ arn: secretArn, secret: db.secret });
        cleanups.push(() => secrets.stop());
        const bridge = join(work, 'lambda-bridge.mjs');
        cpSync(join(repoRoot, 'scripts', 'rehearsal', 'lambda-bridge.mjs'), bridge);
        const started = [];
        for (const [id, fn] of Object.entries(lambdaApi.functions)) {
          const taskRoot = join(work, 'lambda', id);
          cpSync(fn.codeDir, taskRoot, { recursive: true });
          for (let dir = dirname(taskRoot); dir !== dirname(dir); dir = dirname(dir)) {
            if (existsSync(join(dir, 'node_modules')))
              throw new Error(`${join(dir, 'node_modules')} exists above the function's code`);
          }
          const variables = fn.Properties.Environment?.Variables ?? {};
          const caPath = variables.DATABASE_CA_FILE;
          if (
            typeof caPath !== 'string' ||
            !caPath.startsWith('/var/task/') ||
            !existsSync(join(taskRoot, caPath.slice('/var/task/'.length)))
          ) {
            throw new Error(`${id}: DATABASE_CA_FILE=${JSON.stringify(caPath)} is not a file of the function's code`);
          }
          const { env } = functionEnvironment({
            name: id,
            fn,
            endpoints: {
              KURA_EVENT_QUEUE_URL: aws.queueUrl,
              KURA_EVENT_DLQ_URL: aws.deadLetterQueueUrl,
              KURA_MEDIA_BUCKET: aws.bucket,
              KURA_OIDC_ISSUER: issuer.issuer,
              KURA_OIDC_AUDIENCE: issuer.clientId,
              KURA_DATABASE_SECRET_ARN: secretArn,
              DATABASE_CA_FILE: db.caFile,
            },
            platform: {
              // What the Lambda runtime sets, and the stand-ins' endpoints in place of AWS's.
              PATH: '/usr/local/bin:/usr/bin:/bin',
              AWS_REGION: region(),
              LAMBDA_TASK_ROOT: taskRoot,
              AWS_LAMBDA_FUNCTION_NAME: id,
              AWS_ACCESS_KEY_ID: 'rehearsal',
              AWS_SECRET_ACCESS_KEY: 'rehearsal-secret',
              AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
              KURA_SQS_ENDPOINT: aws.endpoint,
              KURA_S3_ENDPOINT: aws.endpoint,
            },
          });
          const t = performance.now();
          const fnProcess = startTask({
            name: id,
            node,
            args: [bridge, taskRoot, fn.Properties.Handler],
            cwd: taskRoot,
            env,
            user,
          });
          cleanups.push(() => fnProcess.stop('SIGKILL'));
          const line = await fnProcess.waitForLine(/^listening \d+/, { timeoutMs: 60_000 }).catch((err) => {
            throw new Error(`${err.message}\n--- ${id} output ---\n${fnProcess.tail()}`);
          });
          lambdaPorts[id] = Number(line.split(' ')[1]);
          started.push(`${id} ${seconds(t)} s`);
        }
        return `cold starts: ${started.join(', ')}; the database secret read ${secrets.reads()} times; order routes behind JWT`;
      },
    );
  }

  await step(
    'product',
    'staff creates a product through the API, with an image through S3 (sharp in dist/node_modules)',
    async () => {
      const staff = await issuer.accessToken({ subject: 'rehearsal-staff', groups: ['staff'] });
      const suffix = Date.now().toString(36);
      const category = expectStatus(
        'POST /api/staff/categories',
        await call('/api/staff/categories', {
          token: staff,
          method: 'POST',
          body: { slug: `rehearsal-${suffix}`, name: { ja: 'リハーサル', en: 'Rehearsal' } },
        }),
        201,
      );
      const product = expectStatus(
        'POST /api/staff/products',
        await call('/api/staff/products', {
          token: staff,
          method: 'POST',
          body: {
            sku: `REH-${suffix}`,
            name: { ja: 'リハーサルの酒', en: 'Rehearsal sake' },
            categoryId: category.id,
            price: 1280,
            taxClass: 'standard',
            openingStock: 5,
          },
        }),
        201,
      );
      productId = product.id;
      const upload = expectStatus(
        'POST …/images/uploads',
        await call(`/api/staff/products/${productId}/images/uploads`, {
          token: staff,
          method: 'POST',
          body: { contentType: 'image/png' },
        }),
        201,
      );
      const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8b2f2f' } })
        .png()
        .toBuffer();
      await aws.putObject(upload.key, png, 'image/png');
      const added = expectStatus(
        'POST …/images',
        await call(`/api/staff/products/${productId}/images`, {
          token: staff,
          method: 'POST',
          body: { key: upload.key },
        }),
        201,
      );
      return `product ${product.sku}, image ${added.width}×${added.height} with ${added.renditions?.length ?? 0} renditions`;
    },
  );

  await step('order', 'a customer orders it; the worker confirms the order through SQS', async () => {
    const customer = await issuer.accessToken({ subject: 'rehearsal-customer' });
    expectStatus('GET /api/me', await call('/api/me', { token: customer }), 200);
    // Through the ECS API; with Lambda compute also through the functions, as API Gateway routes them.
    const paths = [['ECS API', call], ...(usesLambda() ? [['Lambda functions', lambdaCall]] : [])];
    const results = [];
    for (const [label, customerCall] of paths) {
      results.push(`${label}: ${await orderThrough(customerCall, customer)}`);
    }
    return results.join('; ');
  });

  await step('stop', "SIGTERM stops the api and the worker within the task definitions' stop timeout", async () => {
    const results = [];
    for (const task of [api, worker]) {
      const stopTimeout = (tasks[task.name].container.StopTimeout ?? 30) * 1000;
      task.stop('SIGTERM');
      const { code, signal } = await task.waitForExit({ timeoutMs: stopTimeout });
      if (code !== 0) throw new Error(`${task.name} exited with ${code ?? signal} on SIGTERM:\n${task.tail()}`);
      results.push(`${task.name} exit 0`);
    }
    const traced = ['api', 'worker'].some((e) =>
      tasks[e].container.Environment.some((v) => v.Name === 'OTEL_EXPORTER_OTLP_ENDPOINT'),
    );
    if (traced && otlp.exports() === 0)
      throw new Error('the tasks are traced but no trace export reached the collector stand-in');
    return `${results.join(', ')}; ${otlp.exports()} trace exports reached the collector stand-in`;
  });
}

let failed = false;
try {
  await rehearse();
} catch (err) {
  failed = true;
  if (!(err instanceof RehearsalFailed))
    process.stdout.write(`\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // best effort: the folder below goes anyway
    }
  }
  if (options.keep || failed) process.stdout.write(`files kept in ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
process.stdout.write(
  `\ndeploy rehearsal ${failed ? 'FAILED' : 'passed'} in ${seconds(started)} s${timings.length ? ` (${timings.map(([id, s]) => `${id} ${s} s`).join(', ')})` : ''}\n`,
);
process.exit(failed ? 1 : 0);
