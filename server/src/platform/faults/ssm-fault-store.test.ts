import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFaultStoreContract } from './fault-store.contract.js';
import { createSsmFaultStore } from './ssm-fault-store.js';

/**
 * No SSM emulator runs here (fauxqs has SQS, SNS and S3 only), so these tests
 * put a stand-in for SSM's two JSON operations behind the real SDK client:
 * what is proven is the adapter's requests (names, paging, JSON values) and
 * its reading of the answers, not AWS's own behaviour.
 */
type Parameter = { Name: string; Value: string };

function startSsmStandIn(pageSize: number) {
  const parameters = new Map<string, Parameter>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const input = JSON.parse(raw) as { Path?: string; NextToken?: string; Name?: string; Value?: string };
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      const operation = req.headers['x-amz-target'];
      if (operation === 'AmazonSSM.PutParameter' && input.Name && input.Value !== undefined) {
        parameters.set(input.Name, { Name: input.Name, Value: input.Value });
        return reply(200, { Version: 1, Tier: 'Standard' });
      }
      if (operation === 'AmazonSSM.GetParametersByPath' && input.Path) {
        const under = [...parameters.values()].filter((p) => p.Name.startsWith(`${input.Path}/`));
        const start = Number(input.NextToken ?? 0);
        const page = under.slice(start, start + pageSize).map((p) => ({ ...p, Type: 'String', Version: 1 }));
        const next = start + pageSize < under.length ? String(start + pageSize) : undefined;
        return reply(200, { Parameters: page, ...(next ? { NextToken: next } : {}) });
      }
      reply(400, { __type: 'ValidationException', message: `unexpected ${String(operation)}` });
    });
  });
  return {
    parameters,
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const client = new SSMClient({
        region: 'ap-northeast-1',
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      return client;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeFaultStoreContract('SSM parameters (stand-in SSM endpoint, not AWS)', async () => {
  const ssm = startSsmStandIn(1);
  const client = await ssm.listen();
  return {
    store: createSsmFaultStore({ client, path: '/kura/test/faults' }),
    close: async () => {
      client.destroy();
      await ssm.close();
    },
  };
});

describe('the SSM fault store (stand-in SSM endpoint, not AWS)', () => {
  const ssm = startSsmStandIn(10);
  let client: SSMClient;
  beforeAll(async () => {
    client = await ssm.listen();
  });
  afterAll(async () => {
    client.destroy();
    await ssm.close();
  });

  it('keeps one parameter per target under its path, the setting as JSON', async () => {
    const store = createSsmFaultStore({ client, path: '/kura/dev/faults/' });
    await store.write('ingest', { latencyMs: 1500, failureRate: 0 });
    expect(ssm.parameters.get('/kura/dev/faults/ingest')?.Value).toBe('{"latencyMs":1500,"failureRate":0}');
  });

  it('reads a hand-edited parameter that does not parse, or names no target, as nothing (off), and says which', async () => {
    ssm.parameters.set('/kura/stg/faults/stock-consumer', { Name: '/kura/stg/faults/stock-consumer', Value: 'on' });
    ssm.parameters.set('/kura/stg/faults/api-cart', {
      Name: '/kura/stg/faults/api-cart',
      Value: '{"latencyMs":-5,"failureRate":2}',
    });
    ssm.parameters.set('/kura/stg/faults/teapot', { Name: '/kura/stg/faults/teapot', Value: '{}' });
    ssm.parameters.set('/kura/stg/faults/api-orders', {
      Name: '/kura/stg/faults/api-orders',
      Value: '{"latencyMs":10,"failureRate":0.1}',
    });
    const invalid: string[] = [];
    const store = createSsmFaultStore({ client, path: '/kura/stg/faults', onInvalid: (name) => invalid.push(name) });
    expect(await store.readAll()).toEqual({ 'api-orders': { latencyMs: 10, failureRate: 0.1 } });
    expect(invalid.sort()).toEqual(['/kura/stg/faults/api-cart', '/kura/stg/faults/stock-consumer']);
  });
});
