// What the rehearsal runs, read from the synthesized templates and the Dockerfile rather than written
// down a second time: each ECS container's command, user, environment, secrets and health check, and
// the image's own ENV and WORKDIR beneath them (a container's environment is the image's, overlaid
// by the task definition's). Only endpoints and secrets are then replaced by local stand-ins.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const entries = ['api', 'worker', 'migrate'];

/**
 * `cdk synth` into `outDir`, offline (no lookups, no notices, no telemetry): one environment, or every
 * environment when `all` (one process: cheaper than one synth each).
 */
export function synthesize({ repoRoot, environment, outDir, compute, all = false }) {
  const cdk = join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  const result = spawnSync(
    process.execPath,
    [
      cdk,
      'synth',
      '--quiet',
      ...(all ? [] : ['-c', `env=${environment}`]),
      '-c',
      'imageTag=rehearsal',
      ...(compute ? ['-c', `compute=${compute}`] : []),
      '-o',
      outDir,
    ],
    {
      cwd: join(repoRoot, 'infra'),
      encoding: 'utf8',
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `cdk synth ${all ? '(every environment)' : `-c env=${environment}`} failed (exit ${result.status}):\n${result.stderr || result.stdout}`,
    );
  }
}

/**
 * The api, worker and migrate containers of `Kura-<environment>-App`, found by their command
 * (`node dist/<entry>.mjs`), and the health-check path of the load balancer's target group.
 */
export function readTaskDefinitions({ outDir, environment }) {
  const file = join(outDir, `Kura-${environment}-App.template.json`);
  const template = JSON.parse(readFileSync(file, 'utf8'));
  const tasks = {};
  let targetHealthPath;
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup')
      targetHealthPath = resource.Properties?.HealthCheckPath;
    if (resource.Type !== 'AWS::ECS::TaskDefinition') continue;
    for (const container of resource.Properties?.ContainerDefinitions ?? []) {
      const entry = entries.find((e) => container.Command?.[1] === `dist/${e}.mjs`);
      if (!entry) continue;
      if (tasks[entry])
        throw new Error(`two task definitions run dist/${entry}.mjs (${tasks[entry].logicalId}, ${logicalId})`);
      tasks[entry] = { logicalId, container };
    }
  }
  const missing = entries.filter((e) => !tasks[e]);
  if (missing.length > 0)
    throw new Error(`${file} has no task definition running ${missing.map((e) => `dist/${e}.mjs`).join(', ')}`);
  return { tasks, targetHealthPath };
}

/** The runtime stage's ENV (KEY=value pairs, across line continuations) and WORKDIR. */
export function readImageConfig(dockerfile) {
  const lines = readFileSync(dockerfile, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stageStart = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const env = {};
  let workdir = '/';
  for (const line of lines.slice(stageStart + 1)) {
    const [keyword, ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === 'WORKDIR') workdir = rest.join(' ');
    if (keyword.toUpperCase() !== 'ENV') continue;
    for (const pair of rest) {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`Dockerfile: ENV ${pair} is not KEY=value (the rehearsal reads only that form)`);
      env[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  return { env, workdir };
}

/** `{Fn::Join: ['', [<secret>, ':host::']]}` → 'host': the JSON field of the secret ECS injects. */
function secretField(valueFrom) {
  const parts = valueFrom?.['Fn::Join']?.[1];
  const tail = Array.isArray(parts) ? parts.at(-1) : undefined;
  const field = typeof tail === 'string' ? tail.match(/^:([^:]+)::$/)?.[1] : undefined;
  if (!field) throw new Error(`a secret reference the rehearsal cannot read: ${JSON.stringify(valueFrom)}`);
  return field;
}

/**
 * The environment one container starts with: the image's ENV, then the task definition's values, with
 * only the names in `endpoints` replaced (and only where the task or image has them: a variable the
 * task definition lacks stays missing, so the process fails as it would on AWS), the secrets' fields
 * taken from `secret`, and `platform` (what ECS itself provides: the task role's credentials, and
 * here the emulators' endpoints) added. A CloudFormation reference with no stand-in is an error.
 */
export function containerEnvironment({ entry, task, image, endpoints, secret, platform }) {
  const pairs = [
    ...Object.entries(image.env),
    ...(task.container.Environment ?? []).map(({ Name, Value }) => [Name, Value]),
  ];
  const { env, replaced } = resolveEnvironment({ entry, pairs, endpoints });
  const secrets = [];
  for (const { Name, ValueFrom } of task.container.Secrets ?? []) {
    const field = secretField(ValueFrom);
    if (!Object.hasOwn(secret, field))
      throw new Error(
        `${entry}: ${Name} reads the secret's field "${field}", which the stand-in database has no value for`,
      );
    env[Name] = secret[field];
    secrets.push(Name);
  }
  Object.assign(env, platform);
  return { env, replaced, secrets };
}

/** A Lambda function's environment: its configuration's variables, endpoints replaced, `platform` added. */
export function functionEnvironment({ name, fn, endpoints, platform }) {
  const pairs = Object.entries(fn.Properties.Environment?.Variables ?? {});
  const { env, replaced } = resolveEnvironment({ entry: name, pairs, endpoints });
  return { env: { ...env, ...platform }, replaced };
}

function resolveEnvironment({ entry, pairs, endpoints }) {
  const env = {};
  const replaced = new Set();
  for (const [name, value] of pairs) {
    if (Object.hasOwn(endpoints, name)) {
      env[name] = endpoints[name];
      replaced.add(name);
    } else if (typeof value === 'string') env[name] = value;
    else {
      throw new Error(
        `${entry}: ${name} is ${JSON.stringify(value)} in the template, which the rehearsal cannot resolve; give it a local stand-in in scripts/rehearse-deploy.mjs`,
      );
    }
  }
  return { env, replaced: [...replaced] };
}

/**
 * The API Gateway HTTP API's Lambda functions (Node.js, handler `lambda.handler`) with their code's
 * folder in cdk.out (what would be zipped and deployed), and its routes: route key, function, authorizer.
 */
export function readLambdaApi({ outDir, environment }) {
  const template = JSON.parse(readFileSync(join(outDir, `Kura-${environment}-App.template.json`), 'utf8'));
  const resources = template.Resources ?? {};
  const functions = {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::Lambda::Function' || resource.Properties?.Handler !== 'lambda.handler') continue;
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (!assetPath) throw new Error(`${logicalId}: no aws:asset:path in its metadata (asset metadata switched off?)`);
    functions[logicalId] = { logicalId, Properties: resource.Properties, codeDir: join(outDir, assetPath) };
  }
  const integrations = {};
  const authorizers = {};
  // The API whose integrations reach these functions; other HTTP APIs in the stack (telemetry's
  // ingest API, with functions of its own) are not this API's routes.
  const apiIds = new Set();
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::ApiGatewayV2::Integration') {
      const uri = JSON.stringify(resource.Properties?.IntegrationUri ?? '');
      integrations[logicalId] = Object.keys(functions).find((id) => uri.includes(`"${id}"`));
      if (integrations[logicalId]) apiIds.add(JSON.stringify(resource.Properties.ApiId));
    }
    if (resource.Type === 'AWS::ApiGatewayV2::Authorizer') authorizers[logicalId] = resource.Properties;
  }
  const routes = [];
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Route') continue;
    if (!apiIds.has(JSON.stringify(resource.Properties.ApiId))) continue;
    const target = JSON.stringify(resource.Properties.Target ?? '');
    const integration = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
    const authorizerId = resource.Properties.AuthorizerId?.Ref;
    routes.push({
      routeKey: resource.Properties.RouteKey,
      functionId: integration ? integrations[integration] : undefined,
      authorizer: authorizerId ? authorizers[authorizerId] : undefined,
    });
  }
  return { functions, routes };
}

/** The route API Gateway would pick for `method path` (exact paths before `{proxy+}`), or undefined. */
export function matchRoute(routes, method, path) {
  const candidates = routes.filter((r) => {
    const [m, pattern] = r.routeKey.split(' ');
    if (m !== 'ANY' && m !== method) return false;
    if (pattern.endsWith('/{proxy+}')) return path.startsWith(pattern.slice(0, -'{proxy+}'.length));
    return pattern === path;
  });
  return candidates.sort(
    (a, b) => Number(a.routeKey.includes('{proxy+}')) - Number(b.routeKey.includes('{proxy+}')),
  )[0];
}

/** The image's path for the CA bundle, as a path in the local copy of the image's folder. */
export function inLocalImage({ imagePath, workdir, appDir }) {
  if (!imagePath.startsWith(`${workdir}/`)) return undefined;
  const local = join(appDir, imagePath.slice(workdir.length + 1));
  return existsSync(local) ? local : undefined;
}

/** What must match between environments: the command and user, and the names (not values) of variables and secrets. */
function shapeOf({ outDir, environment }) {
  const { tasks } = readTaskDefinitions({ outDir, environment });
  const shape = {};
  for (const [entry, { container }] of Object.entries(tasks)) {
    shape[entry] = {
      command: (container.Command ?? []).join(' '),
      user: container.User,
      variables: (container.Environment ?? []).map((e) => e.Name).sort(),
      secrets: (container.Secrets ?? []).map((e) => `${e.Name}=${secretField(e.ValueFrom)}`).sort(),
    };
  }
  const { functions } = readLambdaApi({ outDir, environment });
  for (const fn of Object.values(functions)) {
    shape[`lambda ${fn.Properties.Description ?? fn.logicalId}`] = {
      command: fn.Properties.Handler,
      variables: Object.keys(fn.Properties.Environment?.Variables ?? {}).sort(),
    };
  }
  return shape;
}

/**
 * How `other`'s task definitions (and Lambda functions) differ in shape from the rehearsed environment's:
 * a variable or secret one has and the other lacks would fail only there, after the rehearsal passed.
 */
export function shapeDifferences({ outDir, reference, other }) {
  const want = shapeOf({ outDir, environment: reference });
  const got = shapeOf({ outDir, environment: other });
  const differences = [];
  for (const name of new Set([...Object.keys(want), ...Object.keys(got)])) {
    if (!want[name] || !got[name]) {
      differences.push(`${other}: ${name} ${got[name] ? 'exists only here' : `is missing (${reference} has it)`}`);
      continue;
    }
    for (const key of ['command', 'user']) {
      if (want[name][key] !== got[name][key])
        differences.push(`${other} ${name}: ${key} ${got[name][key]} (${reference}: ${want[name][key]})`);
    }
    for (const key of ['variables', 'secrets']) {
      const a = new Set(want[name][key] ?? []);
      const b = new Set(got[name][key] ?? []);
      const missing = [...a].filter((v) => !b.has(v));
      const extra = [...b].filter((v) => !a.has(v));
      if (missing.length > 0) differences.push(`${other} ${name}: lacks ${key} ${missing.join(', ')}`);
      if (extra.length > 0)
        differences.push(`${other} ${name}: has ${key} ${extra.join(', ')} that ${reference} (rehearsed) lacks`);
    }
  }
  return differences;
}
