import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import {
  type AlarmDefinition,
  type AlarmId,
  type AwsMetricUse,
  type AwsResource,
  alarmCatalogue,
  awsMetricCatalogue,
  type Comparison,
  type MissingData,
  metricNamespace,
  type RollsBack,
} from '../../../server/src/platform/observability/catalogue.ts';

/**
 * The catalogue (server/src/platform/observability/catalogue.ts) as CloudWatch alarms: each entry's
 * metric, statistic, period, threshold, comparison, M of N and missing-data treatment, nothing else.
 * Kura's own metrics are read from the `Kura` namespace the EMF lines publish to; AWS's own from the
 * resources' dimension values, which the construct owning each resource supplies.
 */

/** Each resource's dimension values (a queue's name, a service's cluster and name…). */
export type ResourceDimensions = Partial<Record<AwsResource, Record<string, string>>>;

export type CatalogueEntry = [AlarmId, AlarmDefinition];

export const catalogueEntries = (): CatalogueEntry[] => Object.entries(alarmCatalogue) as CatalogueEntry[];

/** The AWS resources an alarm reads (none for Kura's own metrics). */
export function resourcesOf(definition: AlarmDefinition): AwsResource[] {
  if (definition.source === 'kura') return [];
  const uses = 'expression' in definition ? Object.values(definition.using) : [definition];
  return [...new Set(uses.map((use) => awsMetricCatalogue[use.metric].resource))];
}

/** One AWS metric of the catalogue, its dimensions filled from the resource's. */
export function catalogueAwsMetric(
  use: AwsMetricUse,
  resources: ResourceDimensions,
  period?: Duration,
): cloudwatch.Metric {
  const definition = awsMetricCatalogue[use.metric];
  const given = { ...resources[definition.resource], ...use.dimensions };
  const dimensionsMap = Object.fromEntries(
    definition.dimensions.map((name) => {
      const value = given[name];
      if (value === undefined) throw new Error(`${use.metric}: no ${name} dimension for ${definition.resource}`);
      return [name, value];
    }),
  );
  return new cloudwatch.Metric({
    namespace: definition.namespace,
    metricName: definition.metricName,
    dimensionsMap,
    statistic: use.statistic,
    ...(period ? { period } : {}),
  });
}

/** What an alarm of the catalogue compares: a Kura metric, an AWS metric, or metric math over AWS metrics. */
export function alarmMetric(definition: AlarmDefinition, resources: ResourceDimensions): cloudwatch.IMetric {
  const period = Duration.seconds(definition.periodSeconds);
  if (definition.source === 'kura') {
    return new cloudwatch.Metric({
      namespace: metricNamespace,
      metricName: definition.metric,
      statistic: definition.statistic,
      period,
    });
  }
  if ('expression' in definition) {
    return new cloudwatch.MathExpression({
      expression: definition.expression,
      label: definition.label,
      usingMetrics: Object.fromEntries(
        Object.entries(definition.using).map(([name, use]) => [name, catalogueAwsMetric(use, resources, period)]),
      ),
      period,
    });
  }
  return catalogueAwsMetric(definition, resources, period);
}

const comparisons: Record<Comparison, cloudwatch.ComparisonOperator> = {
  GreaterThanThreshold: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  GreaterThanOrEqualToThreshold: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  LessThanThreshold: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
};

const missingData: Record<MissingData, cloudwatch.TreatMissingData> = {
  breaching: cloudwatch.TreatMissingData.BREACHING,
  notBreaching: cloudwatch.TreatMissingData.NOT_BREACHING,
  ignore: cloudwatch.TreatMissingData.IGNORE,
  missing: cloudwatch.TreatMissingData.MISSING,
};

export interface CatalogueAlarmsOptions {
  /** Build the alarms that read exactly these resources (all of an alarm's resources must be here). */
  readonly resources: ResourceDimensions;
  /** Also build the alarms on Kura's own metrics (one construct per environment does). */
  readonly kura?: boolean;
  /** Told when an alarm fires and when it clears. */
  readonly topic: sns.ITopic;
  /** Per-environment thresholds (infra/lib/config) in place of the catalogue's defaults. */
  readonly thresholds?: Partial<Record<AlarmId, number>>;
}

export type CatalogueAlarm = { id: AlarmId; alarm: cloudwatch.Alarm; rollsBack?: RollsBack };

/** Creates, in `scope`, the catalogue's alarms whose metrics `options` can resolve, each paging the topic. */
export function addCatalogueAlarms(scope: Construct, options: CatalogueAlarmsOptions): CatalogueAlarm[] {
  const built: CatalogueAlarm[] = [];
  for (const [id, definition] of catalogueEntries()) {
    const needs = resourcesOf(definition);
    const buildable =
      definition.source === 'kura'
        ? options.kura === true
        : needs.every((resource) => options.resources[resource] !== undefined);
    if (!buildable) continue;
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric: alarmMetric(definition, options.resources),
      threshold: options.thresholds?.[id] ?? definition.threshold,
      comparisonOperator: comparisons[definition.comparison],
      evaluationPeriods: definition.evaluationPeriods,
      datapointsToAlarm: definition.datapointsToAlarm,
      treatMissingData: missingData[definition.missingData],
      alarmDescription: definition.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(options.topic));
    alarm.addOkAction(new actions.SnsAction(options.topic));
    built.push({ id, alarm, ...(definition.rollsBack ? { rollsBack: definition.rollsBack } : {}) });
  }
  return built;
}
