import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { context, propagation } from '@opentelemetry/api';
import type { Logger } from '../../../platform/observability/logger.js';
import { metrics } from '../../../platform/observability/metrics.js';
import { alertTraceAttributes, toReadingsStoredMessage } from '../alert-queue.js';
import type { ReadingsStoredNotifier } from '../ports.js';

/**
 * The ReadingsStoredNotifier on AWS: the alert queue's message (alert-queue.ts), sent after the readings
 * are stored, for the alert Lambda to evaluate. Ingest's answer does not wait on the evaluation, only on
 * SQS accepting the message. A send that fails is logged and counted, and the request still answers 200:
 * the readings are stored, and the rule state goes on from the next request's evaluation (or the silence
 * job) — what the port promises, the same as the in-process notifier's failed evaluation.
 */
export function createSqsAlertNotifier(deps: { client: SQSClient; queueUrl: string; logger: Logger }) {
  const notify: ReadingsStoredNotifier = async (notice) => {
    const carrier: Partial<Record<(typeof alertTraceAttributes)[number], string>> = {};
    propagation.inject(context.active(), carrier);
    try {
      await deps.client.send(
        new SendMessageCommand({
          QueueUrl: deps.queueUrl,
          MessageBody: JSON.stringify(toReadingsStoredMessage(notice)),
          MessageAttributes: Object.fromEntries(
            alertTraceAttributes.flatMap((name) => {
              const value = carrier[name];
              return value ? [[name, { DataType: 'String', StringValue: value }]] : [];
            }),
          ),
        }),
      );
    } catch (error) {
      metrics.count('AlertNoticesFailed');
      deps.logger.error({ err: error, deviceId: notice.deviceId }, 'could not queue the alert evaluation');
    }
  };
  return notify;
}
