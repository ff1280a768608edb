import { beforeAll, describe, expect, test } from 'vitest';
import { jobEverySeconds } from '../../server/src/flows/job-cadence.ts';
import { envelopeSchema } from '../../server/src/platform/events/envelope.ts';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, read structurally
type Json = any;

let dev: SynthesisedEnvironment;
beforeAll(() => {
  dev = synthesiseEnvironment('dev');
});

const byType = (type: string) => Object.entries(dev.app.findResources(type)) as Array<[string, Json]>;
const schedules = () => byType('AWS::Scheduler::Schedule').map(([, r]) => r.Properties);
/** The logical id a `Fn::GetAtt` / `Ref` points at. */
const target = (value: Json): string => value?.['Fn::GetAtt']?.[0] ?? value?.Ref;

describe('EventBridge Scheduler says when each scheduled job is due (ADR 0016)', () => {
  test("one schedule per job the worker runs, at the job's own interval, exactly on time", () => {
    const found = schedules();
    expect(found).toHaveLength(Object.keys(jobEverySeconds).length);
    for (const [job, everySeconds] of Object.entries(jobEverySeconds)) {
      const schedule = found.find((s) => s.Name === `kura-dev-${job}`);
      expect(schedule, job).toBeDefined();
      const minutes = everySeconds / 60;
      expect(schedule.ScheduleExpression).toBe(
        minutes >= 60 && minutes % 60 === 0
          ? `rate(${minutes / 60} hour${minutes === 60 ? '' : 's'})`
          : `rate(${minutes} minute${minutes === 1 ? '' : 's'})`,
      );
      expect(schedule.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      expect(schedule.State).toBe('ENABLED');
    }
  });

  test('each sends a ScheduledJobDue envelope the worker parses to the event queue it consumes', () => {
    const [queueId] = byType('AWS::SQS::Queue').find(([id]) => /^MessagingEvents[0-9A-F]{8}$/.test(id)) ?? [];
    expect(queueId).toBeDefined();
    for (const schedule of schedules()) {
      const job = String(schedule.Name).replace(/^kura-dev-/, '');
      expect(target(schedule.Target.Arn)).toBe(queueId);
      // What Scheduler sends: the Input with its context attributes filled in (AWS's documented examples).
      const body = String(schedule.Target.Input)
        .replace('<aws.scheduler.execution-id>', 'd32c5kddcf5bb8c3')
        .replace('<aws.scheduler.scheduled-time>', '2022-03-22T18:59:43Z');
      const parsed = envelopeSchema.safeParse(JSON.parse(body));
      expect(parsed.success, `${job}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(parsed.data).toMatchObject({ type: 'ScheduledJobDue', version: 1, key: job, payload: { job } });
    }
  });

  test('a failed delivery is retried a few times within the interval, then dead-lettered into a queue that alarms', () => {
    const [dlqId] = byType('AWS::SQS::Queue').find(([id]) => id.startsWith('JobSchedulesDlq')) ?? [];
    expect(dlqId).toBeDefined();
    for (const schedule of schedules()) {
      const every = jobEverySeconds[String(schedule.Name).replace(/^kura-dev-/, '') as keyof typeof jobEverySeconds];
      expect(schedule.Target.RetryPolicy).toEqual({
        MaximumRetryAttempts: 3,
        MaximumEventAgeInSeconds: Math.max(60, Math.min(every, 900)),
      });
      expect(target(schedule.Target.DeadLetterConfig.Arn)).toBe(dlqId);
    }
    const alarms = byType('AWS::CloudWatch::Alarm').filter(([, a]) =>
      JSON.stringify(a.Properties.Dimensions ?? []).includes(dlqId as string),
    );
    expect(alarms).toHaveLength(1);
    expect(JSON.stringify(alarms[0]?.[1].Properties.AlarmActions)).toContain('ObservabilityAlarms');
  });

  test("the schedules' role may only send to the event queue and the schedules' dead-letter queue", () => {
    const roleIds = new Set(schedules().map((s) => target(s.Target.RoleArn)));
    expect(roleIds.size).toBe(1);
    const [roleId] = [...roleIds];
    const role = dev.app.findResources('AWS::IAM::Role')[roleId as string];
    expect(JSON.stringify(role?.Properties.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com');
    expect(JSON.stringify(role?.Properties.AssumeRolePolicyDocument)).toContain('aws:SourceAccount');
    const statements = Object.values(dev.app.findResources('AWS::IAM::Policy'))
      .filter((p: Json) => JSON.stringify(p.Properties.Roles).includes(roleId as string))
      .flatMap((p: Json) => p.Properties.PolicyDocument.Statement);
    expect(statements.flatMap((s: Json) => [s.Action].flat())).toEqual(['sqs:SendMessage', 'sqs:SendMessage']);
    expect(statements.map((s: Json) => target(s.Resource)).sort()).toEqual(
      [
        byType('AWS::SQS::Queue').find(([id]) => id.startsWith('JobSchedulesDlq'))?.[0],
        byType('AWS::SQS::Queue').find(([id]) => /^MessagingEvents[0-9A-F]{8}$/.test(id))?.[0],
      ].sort(),
    );
  });
});
