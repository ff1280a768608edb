import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The API's public catalog reads (server: catalog list-products, get-product, list-categories). */
export const publicCatalogPaths = ['/api/products', '/api/products/*', '/api/categories'] as const;

export interface EdgeProps {
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  readonly webAclArn: string;
  readonly priceClass: cloudfront.PriceClass;
  readonly logBucket: s3.IBucket;
  readonly retain: boolean;
  /** The site's name (viewer certificate from us-east-1) and the ALB's name (its certificate's). */
  readonly domain: {
    readonly name: string;
    readonly zone: route53.IHostedZone;
    readonly viewerCertificate: acm.ICertificate;
    readonly originName: string;
  };
  /** Origins the SPA may call besides itself (the Cognito managed-login domain). */
  readonly connectSources: string[];
  /** API routes served elsewhere than the ALB (the Lambda product and order APIs), matched before `/api/*`. */
  readonly apiRoutes?: Record<string, cloudfront.BehaviorOptions>;
}

/**
 * CloudFront in front of everything, on the site's own name: the SPA from a private S3 bucket
 * through origin access control, and `/api/*` through a VPC origin to the internal ALB over HTTPS;
 * `/media/*` (product images) through the API from the media bucket, cached at the edge.
 * Security headers on every response; WAF attached.
 */
export class Edge extends Construct {
  readonly webBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  private readonly siteName: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    this.siteName = props.domain.name;

    this.webBucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.retain,
    });

    // Client-side routes (/orders/42) get index.html; files and /api are untouched.
    // A distribution-wide 403/404 → index.html error response would also rewrite API 404s.
    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for SPA routes',
      code: cloudfront.FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  var last = request.uri.split('/').pop();",
          "  if (last.indexOf('.') === -1) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });

    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https://*.amazonaws.com",
      `connect-src 'self' ${props.connectSources.join(' ')}`,
      `form-action 'self' ${props.connectSources.join(' ')}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; ');
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Kura security headers',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      },
    });

    // Product images: the API serves them from the media bucket with content-addressed keys;
    // CloudFront keeps them (immutable). SVGs stay sandboxed, as the API answers locally.
    const mediaHeaders = new cloudfront.ResponseHeadersPolicy(this, 'MediaHeaders', {
      comment: 'Kura media: sandboxed, never sniffed',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          override: true,
        },
      },
    });

    // TLS on this hop too: the ALB's certificate is for originName, which CloudFront checks.
    const api = origins.VpcOrigin.withApplicationLoadBalancer(props.loadBalancer, {
      domainName: props.domain.originName,
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      httpsPort: 443,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
    });

    // The public catalog (product list, product, categories) is the same for every caller: the edge
    // keeps each answer for a minute, keyed by path and query only (no Authorization, no cookies),
    // so a burst of shoppers costs the API one request per minute and page. A staff edit shows
    // within that minute, availability included; checkout checks stock itself. No invalidation:
    // the API would need CloudFront rights, and a minute is what the shop accepts.
    const catalogCache = new cloudfront.CachePolicy(this, 'CatalogCache', {
      comment: 'Kura public catalog: one minute at the edge',
      defaultTtl: Duration.seconds(60),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const routedOrigin = (path: string) =>
      Object.entries(props.apiRoutes ?? {}).find(([pattern]) => path.startsWith(pattern.replace(/\*$/, '')))?.[1]
        .origin;

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Kura',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass,
      enableIpv6: true,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      domainNames: [props.domain.name],
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      certificate: props.domain.viewerCertificate,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Before /api/*: CloudFront takes the first pattern that matches. The catalog reads are
        // cached whichever origin serves them (the ALB, or the Lambda API when it is selected).
        ...Object.fromEntries(
          publicCatalogPaths.map((path) => [
            path,
            {
              origin: routedOrigin(path) ?? api,
              viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
              allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
              cachePolicy: catalogCache,
              responseHeadersPolicy: headers,
              compress: true,
            },
          ]),
        ),
        ...Object.fromEntries(
          Object.entries(props.apiRoutes ?? {}).map(([path, behavior]) => [
            path,
            { ...behavior, responseHeadersPolicy: headers },
          ]),
        ),
        '/api/*': {
          origin: api,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          compress: true,
        },
        '/media/*': {
          origin: api,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: mediaHeaders,
          compress: true,
        },
      },
    });

    const site = { zone: props.domain.zone, recordName: props.domain.name };
    const toDistribution = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(this.distribution));
    new route53.ARecord(this, 'SiteA', { ...site, target: toDistribution });
    new route53.AaaaRecord(this, 'SiteAaaa', { ...site, target: toDistribution });
    // The origin name resolves to the internal ALB (private addresses) for operators' checks;
    // CloudFront reaches the ALB through the VPC origin, not through this record.
    new route53.ARecord(this, 'OriginA', {
      zone: props.domain.zone,
      recordName: props.domain.originName,
      target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(props.loadBalancer)),
    });
  }

  /** The URL users open. */
  get url(): string {
    return `https://${this.siteName}`;
  }
}
