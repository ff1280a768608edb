import type { EventBridgeClient, PutEventsCommand, PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertBus } from '../../flows/alert-bus.js';
import { telemetryEvents } from '../../modules/telemetry/public.js';
import type { Envelope } from './envelope.js';
import {
  createEventBridgePublisher,
  routeEventsToBus,
  ruleTargetInput,
  toPutEventsEntry,
} from './eventbridge-publisher.js';
import { createSqsTransport } from './sqs-transport.js';

/**
 * No EventBridge emulator runs here (npm has none that runs in process: serverless-offline-aws-eventbridge
 * is a Serverless Framework plugin; LocalStack needs Docker), so the bus is a stand-in for the
 * EventBridge client that applies the rule as infra/lib/constructs/telemetry.ts defines it — match
 * `source` and `detail-type`, send `$.detail` to the target queue — onto the real SQS transport on
 * fauxqs. The infra test checks the same rule in the synthesised template.
 */

const route = { busName: 'kura-dev-telemetry', source: alertBus.source, types: alertBus.detailTypes };
const envelope = (type: string, key = 'device-1'): Envelope => ({
  id: crypto.randomUUID(),
  type,
  version: 1,
  key,
  payload: { alertId: crypto.randomUUID(), value: 9.4, deviceNameJa: '蔵1 冷蔵庫' },
  occurredAt: '2026-12-03T11:00:00.000Z',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  tracestate: 'kura=1',
});

/** What the stand-in bus was asked to put, and what its rule delivered; `fail` refuses entries of a type. */
function standInBus(deliver: (body: string) => Promise<void>, fail?: string) {
  const put: PutEventsRequestEntry[][] = [];
  const client = {
    async send(command: PutEventsCommand) {
      const entries = command.input.Entries ?? [];
      put.push(entries);
      const results = [];
      for (const entry of entries) {
        if (entry.DetailType === fail) {
          results.push({ ErrorCode: 'InternalFailure', ErrorMessage: 'stand-in refusal' });
          continue;
        }
        const matches =
          entry.Source === alertBus.source &&
          (alertBus.detailTypes as readonly string[]).includes(entry.DetailType ?? '');
        if (matches && entry.EventBusName === route.busName) await deliver(JSON.stringify(ruleTargetInput(entry)));
        results.push({ EventId: crypto.randomUUID() });
      }
      return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
    },
  } as unknown as EventBridgeClient;
  return { client, put };
}

describe('alert events on the EventBridge bus (mapping, and a stand-in bus onto fauxqs SQS)', () => {
  let server: Awaited<ReturnType<typeof startFauxqs>>;
  let sqs: SQSClient;
  let queueUrl: string;
  let dlqUrl: string;
  beforeAll(async () => {
    server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
    dlqUrl = server.createQueue('kura-events-dlq').queueUrl;
    queueUrl = server.createQueue('kura-events').queueUrl;
    sqs = new SQSClient({
      region: 'ap-northeast-1',
      endpoint: `http://127.0.0.1:${server.port}`,
      credentials: { accessKeyId: 'kura-test', secretAccessKey: 'kura-test-secret' },
    });
  });
  afterAll(async () => {
    sqs?.destroy();
    await server?.stop();
  });

  it('the bus carries exactly the telemetry events the rule matches', () => {
    expect([...alertBus.detailTypes].sort()).toEqual(Object.keys(telemetryEvents).sort());
  });

  it('maps an envelope to a PutEvents entry whose $.detail is that envelope again, traceparent kept', () => {
    const raised = envelope('AlertRaised');
    const entry = toPutEventsEntry(raised, route);
    expect(entry).toMatchObject({
      EventBusName: 'kura-dev-telemetry',
      Source: 'kura.telemetry',
      DetailType: 'AlertRaised',
      Time: new Date(raised.occurredAt),
    });
    expect(ruleTargetInput(entry)).toEqual(raised);
    // EventBridge's limit for one entry; an alert's envelope is far below it.
    expect(Buffer.byteLength(entry.Detail)).toBeLessThan(256 * 1024);
  });

  it('sends alert events through the bus and the rest straight to the queue; the consumer reads the same envelopes', async () => {
    const queue = createSqsTransport({ client: sqs, queueUrl, deadLetterQueueUrl: dlqUrl });
    const bus = standInBus(async (body) => {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    });
    const transport = routeEventsToBus(queue, {
      route,
      publisher: createEventBridgePublisher({ client: bus.client, route }),
    });
    const sent = [
      envelope('OrderPlaced', 'order-1'),
      ...Array.from({ length: 11 }, (_, i) => envelope(i % 2 === 0 ? 'AlertRaised' : 'AlertCleared', `device-${i}`)),
    ];
    await transport.publish(sent);
    // PutEvents takes 10 entries a call; only alert events went there.
    expect(bus.put.map((entries) => entries.length)).toEqual([10, 1]);
    expect(bus.put.flat().every((entry) => entry.Source === 'kura.telemetry')).toBe(true);

    const received: Envelope[] = [];
    for (let attempt = 0; attempt < 20 && received.length < sent.length; attempt++) {
      const deliveries = await transport.receive({ max: 10, waitSeconds: 1, visibilitySeconds: 30 });
      for (const delivery of deliveries) {
        received.push(delivery.envelope);
        await transport.ack(delivery);
      }
    }
    const byId = (a: Envelope, b: Envelope) => a.id.localeCompare(b.id);
    expect(received.sort(byId)).toEqual([...sent].sort(byId));
  });

  it('throws when EventBridge refuses an entry, so the relay backs the batch off and publishes it again', async () => {
    const bus = standInBus(async () => {}, 'AlertCleared');
    const publisher = createEventBridgePublisher({ client: bus.client, route });
    await expect(publisher.publish([envelope('AlertRaised'), envelope('AlertCleared')])).rejects.toThrow(
      /^EventBridge refused 1 of 2 events: InternalFailure stand-in refusal/,
    );
    const aborted = new AbortController();
    aborted.abort(new Error('lease lost'));
    await expect(publisher.publish([envelope('AlertRaised')], { signal: aborted.signal })).rejects.toThrow(
      'lease lost',
    );
  });
});
