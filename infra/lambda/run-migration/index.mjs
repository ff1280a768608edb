// CloudFormation custom resource: runs the one-off `migrate` Fargate task and
// succeeds only if it exits 0. Create/Update run it; Delete does nothing.
// Plain JavaScript on purpose: it ships as-is, and the AWS SDK v3 is in the runtime.
import { DescribeTasksCommand, ECSClient, RunTaskCommand } from '@aws-sdk/client-ecs';

const ecs = new ECSClient({});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function handler(event, context) {
  const physicalId = event.PhysicalResourceId ?? `migration-${event.LogicalResourceId}`;
  try {
    if (event.RequestType === 'Delete') return await respond(event, 'SUCCESS', physicalId, {});
    const p = event.ResourceProperties;
    const run = await ecs.send(
      new RunTaskCommand({
        cluster: p.Cluster,
        taskDefinition: p.TaskDefinition,
        launchType: 'FARGATE',
        count: 1,
        startedBy: 'kura-deploy',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' },
        },
      }),
    );
    const taskArn = run.tasks?.[0]?.taskArn;
    if (!taskArn) throw new Error(`RunTask failed: ${JSON.stringify(run.failures ?? [])}`);
    console.log(JSON.stringify({ msg: 'migration started', taskArn }));

    // Leave a minute to report back before the Lambda itself times out.
    while (context.getRemainingTimeInMillis() > 60_000) {
      await sleep(10_000);
      const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: p.Cluster, tasks: [taskArn] }));
      const task = tasks?.[0];
      if (task?.lastStatus !== 'STOPPED') continue;
      const exitCode = task.containers?.find((c) => c.name === p.ContainerName)?.exitCode;
      if (exitCode === 0) return await respond(event, 'SUCCESS', physicalId, { TaskArn: taskArn });
      throw new Error(`migration task ${taskArn} stopped (exit ${exitCode ?? 'none'}): ${task.stoppedReason ?? ''}`);
    }
    throw new Error(`migration task ${taskArn} still running; see its logs`);
  } catch (error) {
    console.error(error);
    return respond(event, 'FAILED', physicalId, {}, String(error?.message ?? error).slice(0, 400));
  }
}

async function respond(event, status, physicalId, data, reason) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason ?? `See CloudWatch log stream`,
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: data,
  });
  const res = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!res.ok) throw new Error(`could not reach CloudFormation: ${res.status}`);
}
