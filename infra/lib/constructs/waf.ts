import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
// A leaf file of the server (no imports): the list the server's own body limits use.
import { catalogLargeBodies } from '../../../server/src/modules/catalog/large-bodies.ts';

/**
 * Routes whose bodies are larger than any JSON the API takes (the CSV import), read from the server's
 * own list rather than copied: a route added there is scoped here on the next synth. The catalog
 * router is mounted under `/api`, the path CloudFront sends to the API. test/policies.test.ts checks
 * that no rule here blocks a full-size request to any of them.
 */
export const largeBodyRoutes = Object.keys(catalogLargeBodies).map((path) => `/api${path}`);

/**
 * How much of a body WAF reads (CloudFront's default is 16 KB). The largest JSON body the API
 * takes is a product with a 5,000-character description: about 15 KB of UTF-8 Japanese, too
 * close to 16 KB; 32 KB leaves it twice the room for $0.30 per million inspected requests.
 */
export const bodyInspectionLimitBytes = 32 * 1024;

export interface WafProps {
  /** Requests per source IP per 5 minutes before the rate rule blocks. */
  readonly rateLimitPer5Min: number;
  readonly metricPrefix: string;
  readonly logRetention: logs.RetentionDays;
}

/**
 * The CloudFront web ACL (must live in us-east-1): a per-IP rate limit, AWS managed rule groups,
 * and a body-size rule scoped to the API's own limits, with every request logged.
 *
 * The common rule set's SizeRestrictions_BODY blocks bodies over 8 KB, which would turn the CSV
 * import (up to the server's import limit) and a long product description into 403s. It only
 * counts here; `BodyTooLarge` blocks what the API would refuse anyway, outside the large-body
 * routes. Those routes also skip the managed groups that inspect bodies (a CSV of product copy
 * trips cross-site-scripting and SQL patterns): they are staff-only, authenticated, rate-limited
 * per caller and parsed by the server's CSV schema with parameterised queries.
 */
export class Waf extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WafProps) {
    super(scope, id);
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`,
    });
    const routeMatches: wafv2.CfnWebACL.StatementProperty[] = largeBodyRoutes.map((path) => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'EXACTLY',
        searchString: path,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    }));
    // WAF refuses an Or with fewer than two statements.
    const [onlyRoute] = routeMatches;
    const isLargeBodyRoute =
      routeMatches.length === 1 && onlyRoute ? onlyRoute : { orStatement: { statements: routeMatches } };
    const outsideLargeBodyRoutes: wafv2.CfnWebACL.StatementProperty = { notStatement: { statement: isLargeBodyRoute } };
    const managed = (
      priority: number,
      name: string,
      options: { scopeDown?: wafv2.CfnWebACL.StatementProperty; countOnly?: string[] } = {},
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(options.scopeDown ? { scopeDownStatement: options.scopeDown } : {}),
          ...(options.countOnly
            ? { ruleActionOverrides: options.countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      associationConfig: {
        requestBody: { CLOUDFRONT: { defaultSizeInspectionLimit: `KB_${bodyInspectionLimitBytes / 1024}` } },
      },
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Min, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('rate-limit'),
        },
        managed(1, 'AWSManagedRulesAmazonIpReputationList'),
        managed(2, 'AWSManagedRulesCommonRuleSet', {
          scopeDown: outsideLargeBodyRoutes,
          countOnly: ['SizeRestrictions_BODY'],
        }),
        managed(3, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managed(4, 'AWSManagedRulesSQLiRuleSet', { scopeDown: outsideLargeBodyRoutes }),
        {
          name: 'BodyTooLarge',
          priority: 5,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                outsideLargeBodyRoutes,
                {
                  sizeConstraintStatement: {
                    // Bodies past the inspection limit count as matching: none is legitimate here.
                    fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
                    comparisonOperator: 'GT',
                    size: bodyInspectionLimitBytes,
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('body-too-large'),
        },
      ],
    });

    // WAF only logs to groups whose name starts with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-${props.metricPrefix}`;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // The ARN without the `:*` that LogGroup.logGroupArn ends in, which WAF refuses.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Bearer tokens and session cookies never reach the logs.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    logging.node.addDependency(this.logGroup);
  }
}
