import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  type AlarmDefinition,
  type AlarmId,
  type AwsMetricUse,
  alarmCatalogue,
  awsDashboardCatalogue,
  awsMetricCatalogue,
  dashboardCatalogue,
  metricNamespace,
} from '../../server/src/platform/observability/catalogue.ts';
import { loadEnvironmentConfig } from '../lib/config/environments.ts';
import type { EnvironmentName } from '../lib/config/schema.ts';
import { alarmThresholds } from '../lib/constructs/observability.ts';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

/**
 * The catalogue (server/src/platform/observability/catalogue.ts) is the one source of the CloudWatch
 * alarms and dashboard: every catalogue alarm is in the templates with its metric, statistic, period,
 * threshold, M of N and missing-data treatment, paging the alarm topic; no paging alarm exists that the
 * catalogue does not name. The server evaluates the same entries locally (alarms.ts).
 */

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
type Json = any;
type Found = { id: string; stack: string; logicalId: string; properties: Json };

const envs: Partial<Record<EnvironmentName, SynthesisedEnvironment>> = {};
beforeAll(() => {
  envs.dev = synthesiseEnvironment('dev');
  envs.prd = synthesiseEnvironment('prd');
}, 600_000);

const templates = new Map<Stack, Template>();
const templateOf = (stack: Stack) => {
  const template = templates.get(stack) ?? Template.fromStack(stack);
  templates.set(stack, template);
  return template;
};

/** Every CloudWatch alarm construct of an environment, by its construct id, with its template properties. */
function alarmsOf(env: SynthesisedEnvironment): Found[] {
  const found: Found[] = [];
  for (const stack of Object.values(env.stacks)) {
    for (const construct of stack.node.findAll()) {
      if (!(construct instanceof cloudwatch.Alarm)) continue;
      const logicalId = Stack.of(construct).getLogicalId(construct.node.defaultChild as cloudwatch.CfnAlarm);
      const properties = templateOf(Stack.of(construct)).findResources('AWS::CloudWatch::Alarm')[logicalId]?.Properties;
      found.push({ id: construct.node.id, stack: Stack.of(construct).stackName, logicalId, properties });
    }
  }
  return found;
}

const isTopic = (action: Json) => JSON.stringify(action).includes('Alarms');
const statisticOf = (statistic: string) =>
  /^p\d/.test(statistic) ? { ExtendedStatistic: statistic } : { Statistic: statistic };
const dimensionNames = (dimensions: Json[] | undefined) => (dimensions ?? []).map((d: Json) => d.Name).sort();
const expectedDimensions = (use: AwsMetricUse) => [...awsMetricCatalogue[use.metric].dimensions].sort();

function expectMatches(id: AlarmId, definition: AlarmDefinition, p: Json, threshold: number) {
  expect(p, id).toMatchObject({
    Threshold: threshold,
    ComparisonOperator: definition.comparison,
    EvaluationPeriods: definition.evaluationPeriods,
    DatapointsToAlarm: definition.datapointsToAlarm,
    TreatMissingData: definition.missingData,
    AlarmDescription: definition.description,
  });
  if (definition.source === 'kura') {
    expect(p, id).toMatchObject({
      Namespace: metricNamespace,
      MetricName: definition.metric,
      Period: definition.periodSeconds,
      ...statisticOf(definition.statistic),
    });
    // Kura's alarms read the metric as a whole, as the EMF lines publish it without dimensions.
    expect(p.Dimensions ?? [], id).toEqual([]);
  } else if ('expression' in definition) {
    const queries: Json[] = p.Metrics;
    const expression = queries.find((q) => q.ReturnData !== false);
    expect(expression, id).toMatchObject({ Expression: definition.expression, Label: definition.label });
    expect(queries.length, id).toBe(Object.keys(definition.using).length + 1);
    for (const [name, use] of Object.entries(definition.using)) {
      const query = queries.find((q) => q.Id === name);
      const metric = awsMetricCatalogue[use.metric];
      expect(query?.MetricStat, `${id} ${name}`).toMatchObject({
        Metric: { Namespace: metric.namespace, MetricName: metric.metricName },
        Period: definition.periodSeconds,
        Stat: use.statistic,
      });
      expect(dimensionNames(query?.MetricStat.Metric.Dimensions), `${id} ${name}`).toEqual(expectedDimensions(use));
      for (const [key, value] of Object.entries(use.dimensions ?? {}))
        expect(query?.MetricStat.Metric.Dimensions, `${id} ${name}`).toContainEqual({ Name: key, Value: value });
    }
  } else {
    const metric = awsMetricCatalogue[definition.metric];
    expect(p, id).toMatchObject({
      Namespace: metric.namespace,
      MetricName: metric.metricName,
      Period: definition.periodSeconds,
      ...statisticOf(definition.statistic),
    });
    expect(dimensionNames(p.Dimensions), id).toEqual(expectedDimensions(definition));
  }
  for (const key of ['AlarmActions', 'OKActions']) {
    expect(p[key], `${id} ${key}`).toHaveLength(1);
    expect(isTopic(p[key][0]), `${id} ${key}`).toBe(true);
  }
}

describe.each(['dev', 'prd'] as const)('%s: the CloudWatch alarms are the catalogue’s', (name) => {
  const env = () => envs[name] as SynthesisedEnvironment;

  test('every catalogue alarm is in the templates exactly once, as the catalogue (and the config) says', () => {
    const thresholds = alarmThresholds(loadEnvironmentConfig(name));
    const alarms = alarmsOf(env());
    for (const [id, definition] of Object.entries(alarmCatalogue) as [AlarmId, AlarmDefinition][]) {
      const matching = alarms.filter((a) => a.id === id);
      expect(
        matching.map((a) => a.logicalId),
        id,
      ).toHaveLength(1);
      expectMatches(id, definition, matching[0]?.properties, thresholds[id] ?? definition.threshold);
    }
  });

  test('no alarm pages anyone that the catalogue does not name; the others only scale', () => {
    const alarms = alarmsOf(env());
    const catalogued = new Set(Object.keys(alarmCatalogue));
    const others = alarms.filter((a) => !catalogued.has(a.id));
    for (const other of others) {
      const actions = [...(other.properties.AlarmActions ?? []), ...(other.properties.OKActions ?? [])];
      expect(actions.some(isTopic), `${other.stack}/${other.logicalId}`).toBe(false);
      expect(JSON.stringify(actions), `${other.stack}/${other.logicalId}`).toMatch(/ScalingPolicy|Policy/);
    }
    // And the templates hold no alarm the construct tree does not (made outside a construct).
    const total = Object.values(env().stacks).reduce(
      (n, stack) => n + Object.keys(templateOf(stack).findResources('AWS::CloudWatch::Alarm')).length,
      0,
    );
    expect(total).toBe(alarms.length);
  });

  test('the alarms marked rollsBack roll back their ECS service’s deployment', () => {
    const alarms = alarmsOf(env());
    const services = env().app.findResources('AWS::ECS::Service');
    for (const [service, pathPart] of [
      ['api', 'ApiService'],
      ['worker', 'StockWorkerService'],
    ] as const) {
      const expected = (Object.entries(alarmCatalogue) as [AlarmId, AlarmDefinition][])
        .filter(([, d]) => d.rollsBack === service)
        .map(([id]) => ({ Ref: alarms.find((a) => a.id === id)?.logicalId }));
      expect(expected.length, service).toBeGreaterThan(0);
      const [, resource] = Object.entries(services).find(([logicalId]) => logicalId.startsWith(pathPart)) as [
        string,
        Json,
      ];
      expect(resource.Properties.DeploymentConfiguration.Alarms, service).toEqual({
        AlarmNames: expected,
        Enable: true,
        Rollback: true,
      });
    }
  });

  test('the dashboard holds every catalogue widget, Kura’s metrics from the Kura namespace', () => {
    const [dashboard] = Object.values(env().app.findResources('AWS::CloudWatch::Dashboard')) as Json[];
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const widget of [...dashboardCatalogue, ...awsDashboardCatalogue])
      expect(body).toContain(JSON.stringify(widget.title).slice(1, -1).replaceAll('"', '\\"'));
    for (const widget of dashboardCatalogue)
      for (const m of widget.metrics) expect(body).toContain(`[\\"${metricNamespace}\\",\\"${m.metric}\\"`);
  });
});
