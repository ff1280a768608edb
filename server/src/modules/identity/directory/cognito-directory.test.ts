import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe } from 'vitest';
import { roles } from '../../../platform/auth/principal.js';
import type { Directory } from '../ports.js';
import { createCognitoDirectory } from './cognito-directory.js';
import { directoryContract } from './directory-contract.js';

/**
 * The Cognito adapter against cognito-local (a pure-Node emulator of the
 * Cognito API) on 127.0.0.1: real SDK calls, a real HTTP round trip.
 * Known differences: cognito-local sends no invitation mail and lacks
 * AdminUserGlobalSignOut, so that one call is switched off in this test.
 */
let emulator: ChildProcess | undefined;
let workDir: string;
let directory: Directory | undefined;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kura-cognito-local-'));
  const port = await freePort();
  const bin = join(dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')), 'lib/bin/start.js');
  emulator = spawn(process.execPath, [bin], {
    cwd: workDir,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  emulator.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  for (let i = 0; !output.includes('Cognito Local running'); i++) {
    if (i > 200 || emulator.exitCode !== null) throw new Error(`cognito-local did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const client = new CognitoIdentityProviderClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'kura-test', UsernameAttributes: ['email'] }));
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error('no pool id');
  for (const role of roles) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role }));
  // cognito-local does not implement AdminUserGlobalSignOut (real Cognito does): the one call left out here.
  directory = createCognitoDirectory({ client, userPoolId, signOutOnDisable: false });
}, 60_000);

afterAll(async () => {
  emulator?.kill();
  await rm(workDir, { recursive: true, force: true });
});

describe('Cognito directory (against cognito-local)', () => {
  directoryContract(() => {
    if (!directory) throw new Error('directory not started');
    return directory;
  });
});
