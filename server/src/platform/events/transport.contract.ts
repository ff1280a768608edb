import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, type Envelope } from './envelope.js';
import { testEvents } from './test-events.js';
import type { Delivery, EventTransport } from './transport.js';

export type TransportSubject = { transport: EventTransport; close(): Promise<void> };

/** The queue under test must move a message to its dead letters on the receive after this many. */
export const contractMaxReceiveCount = 3;

const event = (key: string, n = 0): Envelope => createEnvelope({ event: testEvents.Counted, key, payload: { n } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function receiveAll(transport: EventTransport, count: number, visibilitySeconds = 30): Promise<Delivery[]> {
  const got: Delivery[] = [];
  for (let round = 0; round < 50 && got.length < count; round++) {
    got.push(...(await transport.receive({ max: 10, waitSeconds: 1, visibilitySeconds })));
  }
  return got;
}

/**
 * What every event transport promises (SQS's semantics): at-least-once
 * delivery, a visibility timeout, dead letters after too many receives, and
 * redrive. Each adapter runs it against its real backend.
 */
export function describeTransportContract(name: string, open: () => Promise<TransportSubject>): void {
  describe(`event transport contract: ${name}`, () => {
    let subject: TransportSubject;
    let transport: EventTransport;
    beforeAll(async () => {
      subject = await open();
      transport = subject.transport;
    });
    afterAll(async () => {
      await subject?.close();
    });

    it('delivers a published event once received, and forgets it when acknowledged', async () => {
      const sent = event('order-1');
      await transport.publish([sent]);
      const [delivery, ...more] = await receiveAll(transport, 1);
      expect(more).toEqual([]);
      expect(delivery?.envelope).toEqual(sent);
      expect(delivery?.receiveCount).toBe(1);
      if (delivery) await transport.ack(delivery);
      expect(await transport.receive({ max: 10, waitSeconds: 0, visibilitySeconds: 30 })).toEqual([]);
    });

    it('publishes a batch larger than one request carries, and long-polls until something arrives', async () => {
      const batch = Array.from({ length: 23 }, (_, n) => event(`order-batch-${n}`, n));
      const waiting = transport.receive({ max: 10, waitSeconds: 5, visibilitySeconds: 30 });
      await sleep(200);
      await transport.publish(batch);
      const first = await waiting;
      expect(first.length).toBeGreaterThan(0);
      const rest = await receiveAll(transport, batch.length - first.length);
      const all = [...first, ...rest];
      expect(all.map((d) => d.envelope.id).sort()).toEqual(batch.map((e) => e.id).sort());
      await Promise.all(all.map((d) => transport.ack(d)));
    });

    it('hides a received message from other receivers until its visibility timeout, then delivers it again', async () => {
      const sent = event('order-visibility');
      await transport.publish([sent]);
      // A timeout long enough that no busy machine sees it run out before the next line …
      const [first] = await receiveAll(transport, 1, 60);
      expect(first?.envelope.id).toBe(sent.id);
      expect(await transport.receive({ max: 10, waitSeconds: 0, visibilitySeconds: 1 })).toEqual([]);
      // … then a short one, waited out by receiving until the message is back.
      if (first) await transport.changeVisibility(first, 1);
      const [again] = await receiveAll(transport, 1);
      expect(again?.envelope.id).toBe(sent.id);
      expect(again?.receiveCount).toBe(2);
      if (again) await transport.ack(again);
    });

    it('makes a message visible again at once when asked (a retry)', async () => {
      const sent = event('order-retry');
      await transport.publish([sent]);
      const [first] = await receiveAll(transport, 1);
      if (first) await transport.changeVisibility(first, 0);
      const [again] = await receiveAll(transport, 1);
      expect(again?.envelope.id).toBe(sent.id);
      if (again) await transport.ack(again);
    });

    it('never gives one message to two concurrent receivers', async () => {
      const batch = Array.from({ length: 30 }, (_, n) => event(`order-race-${n}`, n));
      await transport.publish(batch);
      const receivers = await Promise.all([0, 1, 2].map(() => receiveAll(transport, 10)));
      const ids = receivers.flat().map((d) => d.envelope.id);
      const extra = await receiveAll(transport, batch.length - ids.length);
      const all = [...ids, ...extra.map((d) => d.envelope.id)];
      expect(all.length).toBe(batch.length);
      expect(new Set(all).size).toBe(batch.length);
      await Promise.all([...receivers.flat(), ...extra].map((d) => transport.ack(d)));
    });

    it(`dead-letters a message received ${contractMaxReceiveCount} times without success, and redrives it`, async () => {
      const sent = event('order-poison');
      await transport.publish([sent]);
      for (let n = 1; n <= contractMaxReceiveCount; n++) {
        const [delivery] = await receiveAll(transport, 1);
        expect(delivery?.receiveCount).toBe(n);
        if (delivery) await transport.changeVisibility(delivery, 0);
      }
      // the next receive finds it gone to the dead letters
      await sleep(300);
      expect(await transport.receive({ max: 10, waitSeconds: 1, visibilitySeconds: 30 })).toEqual([]);
      const dead = await transport.listDeadLetters({ limit: 10 });
      expect(dead.map((d) => d.envelope)).toContainEqual(sent);

      expect(await transport.redrive([sent.id])).toBe(1);
      const [back] = await receiveAll(transport, 1);
      expect(back?.envelope).toEqual(sent);
      if (back) await transport.ack(back);
      expect((await transport.listDeadLetters({ limit: 10 })).map((d) => d.id)).not.toContain(sent.id);
    });

    it('dead-letters a message at once when its handler says no retry can help, with the reason', async () => {
      const sent = event('order-unprocessable');
      await transport.publish([sent]);
      const [delivery] = await receiveAll(transport, 1);
      if (delivery) await transport.deadLetter(delivery, 'OrderPlaced payload failed validation');
      const dead = await transport.listDeadLetters({ limit: 10 });
      const letter = dead.find((d) => d.envelope.id === sent.id);
      expect(letter?.reason).toBe('OrderPlaced payload failed validation');
      expect(await transport.receive({ max: 10, waitSeconds: 0, visibilitySeconds: 30 })).toEqual([]);
      // redrive everything left
      expect(await transport.redrive()).toBeGreaterThanOrEqual(1);
      const back = await receiveAll(transport, 1);
      expect(back.map((d) => d.envelope.id)).toContain(sent.id);
      await Promise.all(back.map((d) => transport.ack(d)));
    });
  });
}
