import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { metricCatalogue, metricNamespace } from './catalogue.js';
import { type MetricSink, useMetricSinks } from './metrics.js';

/**
 * The metrics facade's sink in a Lambda function: Powertools Metrics writes the EMF, so the catalogue's
 * names, units and dimensions reach CloudWatch as the ECS processes' EMF sink writes them — each value
 * without dimensions (what the alarms read: one `[[]]` dimension set, no `service` dimension) and, when
 * the metric has one, by its dimension as well. Values are flushed at the end of each invocation
 * (`publish`), never left in a frozen function as a timer would leave them.
 */
export function createPowertoolsMetricSink(metrics: Metrics, service: string): MetricSink & { publish(): void } {
  metrics.clearDefaultDimensions();
  let pending = 0;
  return {
    record(name, value, dimension) {
      const definition: { unit: 'Count' | 'Milliseconds'; dimension?: string } = metricCatalogue[name];
      const unit = definition.unit === 'Count' ? MetricUnit.Count : MetricUnit.Milliseconds;
      metrics.addMetric(name, unit, value);
      pending++;
      if (definition.dimension !== undefined && dimension !== undefined) {
        // A line of its own: one EMF document has one set of dimension values.
        const single = metrics.singleMetric();
        single.clearDefaultDimensions();
        single.addDimensions({ [definition.dimension]: dimension });
        single.addMetadata('Service', service);
        single.addMetric(name, unit, value);
      }
    },
    publish() {
      if (pending === 0) return;
      pending = 0;
      // An empty dimension set: the metric as a whole, as the alarms read it.
      metrics.addDimensions({});
      metrics.addMetadata('Service', service);
      metrics.publishStoredMetrics();
    },
  };
}

/**
 * Powertools' metrics and tracer around a Lambda handler: the facade's values go out as EMF at the end of
 * each invocation, the cold start is counted (Powertools' ColdStart metric, by function and service),
 * and with X-Ray active tracing the invocation is a subsegment (AWS SDK calls captured by the clients'
 * owners, `tracer.captureAWSv3Client`) annotated with the cold start and the service. Logs stay the one
 * pino logger (JSON with the trace id), so there is one log path, not two.
 */
export function createLambdaObservability(options: { service: string }) {
  const metrics = new Metrics({ namespace: metricNamespace, serviceName: options.service });
  const tracer = new Tracer({ serviceName: options.service });
  const sink = createPowertoolsMetricSink(metrics, options.service);
  useMetricSinks([sink]);
  let coldStart = true;
  return {
    tracer,
    wrap<E, R>(handler: (event: E, context: Context) => Promise<R>) {
      return async (event: E, context: Context): Promise<R> => {
        if (coldStart) {
          coldStart = false;
          metrics.captureColdStartMetric(context?.functionName);
        }
        const segment = tracer.getSegment();
        const subsegment = segment?.addNewSubsegment(`## ${context?.functionName ?? options.service}`);
        if (subsegment) tracer.setSegment(subsegment);
        tracer.annotateColdStart();
        tracer.addServiceNameAnnotation();
        try {
          return await handler(event, context);
        } catch (error) {
          tracer.addErrorAsMetadata(error as Error);
          throw error;
        } finally {
          sink.publish();
          if (segment && subsegment) {
            subsegment.close();
            tracer.setSegment(segment);
          }
        }
      };
    },
  };
}
