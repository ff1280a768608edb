import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadDeliveryConfig } from './config/delivery.ts';
import { environmentNames, homeRegion, loadEnvironmentConfig } from './config/environments.ts';
import type { EnvironmentName } from './config/schema.ts';
import { acknowledgeDeliveryFindings } from './delivery-acknowledgements.ts';
import { acknowledgeFindings } from './nag-acknowledgements.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { DeliveryStack } from './stacks/delivery-stack.ts';
import { DrStack, drVaultName } from './stacks/dr-stack.ts';
import { EdgeAlarmsStack } from './stacks/edge-alarms-stack.ts';
import { NetworkStack } from './stacks/network-stack.ts';
import { PipelineStack } from './stacks/pipeline-stack.ts';
import { WafStack } from './stacks/waf-stack.ts';

export interface KuraStacks {
  readonly network: NetworkStack;
  readonly dr: DrStack;
  readonly data: DataStack;
  readonly waf: WafStack;
  readonly app: AppStack;
  readonly edgeAlarms: EdgeAlarmsStack;
}

export interface BuildOptions {
  readonly account?: string;
  readonly imageTag: string;
  /** Overrides the environment's `compute.productAndOrderApis` (context `compute`). */
  readonly compute?: string;
  /** The built bundles the Lambda functions are zipped from (context `serverDist`; default server/dist). */
  readonly serverDist: string;
}

/** Adds one environment's stacks (Kura-<env>-Network, -Dr, -Data, -Waf, -App, -EdgeAlarms) to `app`. */
export function addEnvironment(app: App, name: EnvironmentName, options: BuildOptions): KuraStacks {
  const config = loadEnvironmentConfig(name, options.account, { compute: options.compute });
  const account = config.account;
  const env = { account, region: config.region };
  const prefix = `Kura-${name}`;

  const network = new NetworkStack(app, `${prefix}-Network`, { config, env, description: `Kura ${name}: network` });
  const drRegion = config.backup.copyRegion;
  const dr = new DrStack(app, `${prefix}-Dr`, {
    config,
    env: { account, region: drRegion },
    description: `Kura ${name}: cross-region backup copies`,
  });
  const data = new DataStack(app, `${prefix}-Data`, {
    config,
    env,
    network: network.network,
    copyVault: { region: drRegion, name: drVaultName(name) },
    description: `Kura ${name}: stateful resources`,
  });
  data.addStackDependency(dr, 'backups are copied into its vault');
  const waf = new WafStack(app, `${prefix}-Waf`, {
    config,
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    description: `Kura ${name}: CloudFront web ACL`,
  });
  const appStack = new AppStack(app, `${prefix}-App`, {
    config,
    env,
    crossRegionReferences: true,
    network: network.network,
    dataStack: data,
    webAclArn: waf.waf.webAcl.attrArn,
    viewerCertificate: waf.viewer.certificate,
    imageTag: options.imageTag,
    serverDist: options.serverDist,
    description: `Kura ${name}: services, edge and monitoring`,
  });
  const edgeAlarms = new EdgeAlarmsStack(app, `${prefix}-EdgeAlarms`, {
    config,
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    distributionId: appStack.edge.distribution.distributionId,
    description: `Kura ${name}: CloudFront alarms (CloudFront's metrics are in us-east-1)`,
  });
  const stacks = { network, dr, data, waf, app: appStack, edgeAlarms };
  acknowledgeFindings(stacks);
  return stacks;
}

/**
 * The CDK app with cdk-nag AwsSolutions as a validation plugin: any unacknowledged
 * finding fails synth. Context: `env` (dev|stg|prd, default all three) and
 * `imageTag` (the image in the Kura ECR repository to run).
 */
export function createKuraApp(appProps?: AppProps & { account?: string }) {
  const app = new App({
    ...appProps,
    // Explicit: exports of the data stack stay protected while the app stack imports them.
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong', ...appProps?.context },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const selected = app.node.tryGetContext('env') as string | undefined;
  if (selected !== undefined && !(environmentNames as string[]).includes(selected)) {
    throw new Error(`context env must be one of ${environmentNames.join(', ')}, got "${selected}"`);
  }
  const names = selected ? [selected as EnvironmentName] : environmentNames;
  const imageTag = String(app.node.tryGetContext('imageTag') ?? 'unset');
  const compute = app.node.tryGetContext('compute') as string | undefined;
  const serverDist = String(
    app.node.tryGetContext('serverDist') ?? fileURLToPath(new URL('../../server/dist', import.meta.url)),
  );
  const stacks: Partial<Record<EnvironmentName, KuraStacks>> = {};
  for (const name of names) {
    stacks[name] = addEnvironment(app, name, { account: appProps?.account, imageTag, compute, serverDist });
  }
  return { app, stacks, delivery: addDelivery(app, appProps?.account) };
}

/**
 * The account-level delivery stacks (ADR 0015), each built only when its context is given:
 * Kura-Delivery (OIDC roles for GitHub and GitLab) and Kura-Pipeline (CodePipeline + CodeBuild).
 */
export function addDelivery(app: App, account?: string) {
  const config = loadDeliveryConfig((key) => app.node.tryGetContext(key));
  const env = { account, region: homeRegion };
  const delivery =
    config.github || config.gitlab
      ? new DeliveryStack(app, 'Kura-Delivery', { env, delivery: config, description: 'Kura: CI roles (OIDC)' })
      : undefined;
  const pipeline = config.codePipeline
    ? new PipelineStack(app, 'Kura-Pipeline', {
        env,
        pipeline: config.codePipeline,
        environments: config.environments,
        description: 'Kura: CodePipeline and CodeBuild delivery',
      })
    : undefined;
  const stacks = { delivery, pipeline };
  acknowledgeDeliveryFindings(stacks);
  return stacks;
}
