import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { envelopeSchema } from './envelope.js';
import type { DeadLetter, Delivery, EventTransport } from './transport.js';

export type SqsTransportOptions = {
  client: SQSClient;
  queueUrl: string;
  /** The queue's dead-letter queue (its redrive policy sends messages there after maxReceiveCount). */
  deadLetterQueueUrl: string;
};

const reasonAttribute = 'kura-dead-reason';

/**
 * The event transport on SQS (a standard queue with a redrive policy to its
 * DLQ). Dead letters are ids by event id, so listing and redriving need no
 * receipt handles from an earlier call.
 */
export function createSqsTransport(options: SqsTransportOptions): EventTransport {
  const { client, queueUrl, deadLetterQueueUrl } = options;

  async function sendToDeadLetters(body: string, reason: string): Promise<void> {
    await client.send(
      new SendMessageCommand({
        QueueUrl: deadLetterQueueUrl,
        MessageBody: body,
        MessageAttributes: { [reasonAttribute]: { DataType: 'String', StringValue: reason.slice(0, 1000) } },
      }),
    );
  }

  const release = (message: Message) =>
    client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: deadLetterQueueUrl,
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );

  /** Reads the dead-letter queue page by page: each message is hidden for `holdSeconds` once seen. */
  async function* scanDeadLetters(holdSeconds: number): AsyncGenerator<Message> {
    const seen = new Set<string>();
    for (;;) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: deadLetterQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: holdSeconds,
          MessageAttributeNames: [reasonAttribute],
          MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
        }),
      );
      const fresh = Messages.filter((m) => m.MessageId && !seen.has(m.MessageId));
      if (fresh.length === 0) return;
      for (const message of fresh) {
        seen.add(message.MessageId ?? '');
        yield message;
      }
    }
  }

  return {
    async publish(envelopes, { signal } = {}) {
      for (let i = 0; i < envelopes.length; i += 10) {
        signal?.throwIfAborted();
        const chunk = envelopes.slice(i, i + 10);
        const result = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map((envelope, n) => ({ Id: String(n), MessageBody: JSON.stringify(envelope) })),
          }),
        );
        if (result.Failed && result.Failed.length > 0) {
          const first = result.Failed[0];
          throw new Error(
            `SQS refused ${result.Failed.length} of ${chunk.length} messages: ${first?.Code} ${first?.Message}`,
          );
        }
      }
    },

    async receive({ max, waitSeconds, visibilitySeconds, signal }) {
      if (signal?.aborted) return [];
      let Messages: Message[] = [];
      try {
        const received = await client.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: Math.min(Math.max(max, 1), 10),
            WaitTimeSeconds: Math.min(waitSeconds, 20),
            VisibilityTimeout: visibilitySeconds,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          signal ? { abortSignal: signal } : {},
        );
        Messages = received.Messages ?? [];
      } catch (error) {
        // Shutdown cut the long poll short; anything SQS handed out meanwhile returns after its visibility timeout.
        if (signal?.aborted) return [];
        throw error;
      }
      const deliveries: Delivery[] = [];
      for (const message of Messages) {
        const parsed = envelopeSchema.safeParse(safeJson(message.Body));
        if (!parsed.success) {
          // Not an event Kura wrote: no retry can help.
          await sendToDeadLetters(message.Body ?? '', 'not a Kura event envelope');
          await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
          continue;
        }
        deliveries.push({
          envelope: parsed.data,
          receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 1),
          receipt: message.ReceiptHandle ?? '',
        });
      }
      return deliveries;
    },

    async ack(delivery) {
      await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: delivery.receipt }));
    },

    async changeVisibility(delivery, delaySeconds) {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: delivery.receipt,
          VisibilityTimeout: delaySeconds,
        }),
      );
    },

    async deadLetter(delivery, reason) {
      await sendToDeadLetters(JSON.stringify(delivery.envelope), reason);
      await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: delivery.receipt }));
    },

    async listDeadLetters({ limit }) {
      const letters: DeadLetter[] = [];
      const held: Message[] = [];
      // Seen messages stay hidden while the scan moves on, then are released together.
      for await (const message of scanDeadLetters(30)) {
        held.push(message);
        const parsed = envelopeSchema.safeParse(safeJson(message.Body));
        if (!parsed.success) continue;
        letters.push({
          id: parsed.data.id,
          envelope: parsed.data,
          receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
          deadAt: message.Attributes?.SentTimestamp
            ? new Date(Number(message.Attributes.SentTimestamp)).toISOString()
            : null,
          reason: message.MessageAttributes?.[reasonAttribute]?.StringValue ?? null,
        });
        if (letters.length >= limit) break;
      }
      await Promise.all(held.map((message) => release(message)));
      return letters;
    },

    async redrive(ids) {
      const wanted = ids ? new Set(ids) : undefined;
      const held: Message[] = [];
      let moved = 0;
      for await (const message of scanDeadLetters(30)) {
        const parsed = envelopeSchema.safeParse(safeJson(message.Body));
        const take = parsed.success && (!wanted || wanted.has(parsed.data.id));
        if (take) {
          await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: message.Body ?? '' }));
          await client.send(
            new DeleteMessageCommand({ QueueUrl: deadLetterQueueUrl, ReceiptHandle: message.ReceiptHandle }),
          );
          moved++;
        } else held.push(message);
      }
      await Promise.all(held.map((message) => release(message)));
      return moved;
    },
  };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
