import { Duration, Validations } from 'aws-cdk-lib';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
// A leaf file of the server (no imports): the intervals the worker's own timers use.
import { jobEverySeconds } from '../../../server/src/flows/job-cadence.ts';
import type { ResourceDimensions } from './catalogue-alarms.ts';

export interface JobSchedulesProps {
  /** `kura-<env>`: schedule names are unique per account and region, and environments may share one. */
  readonly namePrefix: string;
  /** The event queue the worker consumes. */
  readonly queue: sqs.IQueue;
}

/** What a failed delivery is retried for: a "due" older than the job's interval says nothing the next one will not. */
export const scheduleRetry = {
  attempts: 3,
  maxEventAgeSeconds: (everySeconds: number) => Math.max(60, Math.min(everySeconds, 900)),
};

/**
 * EventBridge Scheduler says when each scheduled job is due (ADR 0016): one schedule per job at the
 * job's own interval, sending a `ScheduledJobDue` envelope to the event queue the worker consumes. The
 * worker runs the job under its lease, so a duplicate, a retry or the worker's own timer still makes
 * one run per interval. A message Scheduler could not deliver after its retries lands in a
 * dead-letter queue of its own, which the catalogue's ScheduleDlqNotEmpty alarms on (`metricResources`).
 */
export class JobSchedules extends Construct {
  readonly schedules: scheduler.Schedule[] = [];
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: JobSchedulesProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        "This queue is itself a dead-letter queue: the schedules' DeadLetterConfig (Scheduler, not SQS redrive, so cdk-nag cannot see it); what lands here is alarmed on and inspected, never consumed.",
    });
    for (const [job, everySeconds] of Object.entries(jobEverySeconds)) {
      const target = new targets.SqsSendMessage(props.queue, {
        // The envelope the worker's consumer parses (server/src/platform/events/envelope.ts); Scheduler
        // fills in the context attributes on each invocation.
        input: scheduler.ScheduleTargetInput.fromObject({
          id: scheduler.ContextAttribute.executionId,
          type: 'ScheduledJobDue',
          version: 1,
          key: job,
          payload: { job },
          occurredAt: scheduler.ContextAttribute.scheduledTime,
        }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: scheduleRetry.attempts,
        maxEventAge: Duration.seconds(scheduleRetry.maxEventAgeSeconds(everySeconds)),
      });
      this.schedules.push(
        new scheduler.Schedule(this, job, {
          scheduleName: `${props.namePrefix}-${job}`,
          description: `Kura: ${job} is due (the worker runs it under its lease)`,
          schedule: scheduler.ScheduleExpression.rate(Duration.seconds(everySeconds)),
          timeWindow: scheduler.TimeWindow.off(),
          target,
        }),
      );
    }
  }

  /** The dead-letter queue's dimension values, for the catalogue's alarm on it. */
  get metricResources(): ResourceDimensions {
    return { scheduleDlq: { QueueName: this.deadLetterQueue.queueName } };
  }
}
