import type { Envelope } from './envelope.js';

/** One received message: the envelope, how often it was received, and the handle to settle it. */
export type Delivery = {
  envelope: Envelope;
  /** 1 on the first delivery; the transport dead-letters it after `maxReceiveCount`. */
  receiveCount: number;
  /** Opaque: SQS's receipt handle, or the local queue's message id. */
  receipt: string;
};

export type DeadLetter = {
  id: string;
  envelope: Envelope;
  receiveCount: number;
  deadAt: string | null;
  reason: string | null;
};

/**
 * The event transport port: SQS on AWS, a PostgreSQL table in the embedded
 * default. At-least-once: a message not acknowledged within its visibility
 * timeout is delivered again, and after `maxReceiveCount` receives it moves to
 * the dead letters, from where an operator can redrive it.
 */
export type EventTransport = {
  /**
   * Sends the envelopes. An aborted `signal` (the relay lost its lease) stops
   * sending what is not yet sent; what was sent stays sent.
   */
  publish(envelopes: readonly Envelope[], options?: { signal?: AbortSignal | undefined }): Promise<void>;
  /**
   * Waits up to `waitSeconds` for messages; each stays invisible to others for
   * `visibilitySeconds`. An aborted `signal` ends the wait early with nothing.
   */
  receive(options: {
    max: number;
    waitSeconds: number;
    visibilitySeconds: number;
    signal?: AbortSignal | undefined;
  }): Promise<Delivery[]>;
  /** Done: the message is deleted. */
  ack(delivery: Delivery): Promise<void>;
  /** Not done: visible again after `delaySeconds` (0 = at once); also extends a running handler's lease. */
  changeVisibility(delivery: Delivery, delaySeconds: number): Promise<void>;
  /** Cannot succeed (a poisoned message): straight to the dead letters. */
  deadLetter(delivery: Delivery, reason: string): Promise<void>;
  listDeadLetters(options: { limit: number }): Promise<DeadLetter[]>;
  /** Moves dead letters back to the queue (all of them, or those ids); returns how many moved. */
  redrive(ids?: readonly string[]): Promise<number>;
};
