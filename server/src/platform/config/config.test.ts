import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from './config.js';

const queues = {
  KURA_EVENT_QUEUE_URL: 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/kura-events',
  KURA_EVENT_DLQ_URL: 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/kura-events-dlq',
};
/** As the image and task definition set them: verified TLS to Aurora with the RDS bundle the image carries. */
const databaseTls = { DATABASE_SSL: 'true', DATABASE_CA_FILE: '/app/dist/rds-ca-bundle.pem' };
const deployed = {
  KURA_PROFILE: 'stg',
  PGHOST: 'db',
  ...databaseTls,
  KURA_OIDC_ISSUER: 'https://idp.example/pool',
  KURA_MEDIA_BUCKET: 'kura-stg-media',
  AWS_REGION: 'ap-northeast-1',
};

describe('loadConfig', () => {
  it('defaults to the embedded local setup bound to 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.profile).toBe('local');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: `${repoRoot}/.data/pg` });
    expect(config.demoData).toBe(true);
    expect(config.webDist).toBe(`${repoRoot}/web/dist`);
  });

  it('samples every trace locally and a tenth when deployed, unless KURA_TRACE_SAMPLE_RATIO says otherwise', () => {
    expect(loadConfig({}).tracing.sampleRatio).toBe(1);
    expect(loadConfig({ ...deployed, ...queues }).tracing.sampleRatio).toBe(0.1);
    expect(loadConfig({ ...deployed, ...queues, KURA_TRACE_SAMPLE_RATIO: '0.5' }).tracing.sampleRatio).toBe(0.5);
    expect(() => loadConfig({ KURA_TRACE_SAMPLE_RATIO: '2' })).toThrow(
      'KURA_TRACE_SAMPLE_RATIO must be between 0 and 1',
    );
  });

  it('records spans and metrics unless KURA_OBSERVABILITY is off (the bench measures their cost against that)', () => {
    expect([loadConfig({}).tracing.enabled, loadConfig({}).metrics.enabled]).toEqual([true, true]);
    const off = loadConfig({ KURA_OBSERVABILITY: 'off' });
    expect([off.tracing.enabled, off.metrics.enabled]).toEqual([false, false]);
    expect(() => loadConfig({ KURA_OBSERVABILITY: 'no' })).toThrow('KURA_OBSERVABILITY must be on or off');
  });

  it('sends metrics over OTLP only when KURA_METRICS_OTLP asks, with the OTLP endpoint and headers', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:3000' }).metrics.otlp).toBeUndefined();
    const worker = loadConfig({
      KURA_METRICS_OTLP: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:3000',
      OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20kura_st_x,x-extra = 1',
    });
    expect(worker.metrics.otlp).toEqual({
      endpoint: 'http://127.0.0.1:3000',
      headers: { Authorization: 'Bearer kura_st_x', 'x-extra': '1' },
    });
    expect(() => loadConfig({ KURA_METRICS_OTLP: 'true' })).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT must be set/);
  });

  it('uses PostgreSQL when DATABASE_URL or PGHOST is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kura' }).database).toMatchObject({
      kind: 'postgres',
      connectionString: 'postgres://u:p@db:5432/kura',
      ssl: false,
    });
    expect(loadConfig({ PGHOST: 'db', DATABASE_SSL: 'true' }).database).toMatchObject({
      kind: 'postgres',
      connectionString: undefined,
      ssl: true,
      caFile: undefined,
    });
  });

  it('reads the database from the Aurora secret on Lambda, where no PGHOST is injected', () => {
    const arn = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kura-db-AbCdEf';
    const { PGHOST: _, ...lambda } = { ...deployed, ...queues, KURA_DATABASE_SECRET_ARN: arn };
    expect(loadConfig(lambda).database).toMatchObject({ kind: 'postgres', secretArn: arn, ssl: true });
    expect(() => loadConfig({ KURA_DATABASE_SECRET_ARN: 'kura-db' })).toThrow(
      /^KURA_DATABASE_SECRET_ARN must be a Secrets Manager secret ARN/,
    );
  });

  it('verifies the database server against the CA file the image carries when one is named', () => {
    expect(loadConfig({ PGHOST: 'db', ...databaseTls }).database).toMatchObject({
      ssl: true,
      caFile: '/app/dist/rds-ca-bundle.pem',
    });
  });

  it("reads the app's database login for the migrate task: all three variables or none, the password never shown", () => {
    const login = { KURA_DB_APP_ROLE: 'kura_app', KURA_DB_APP_USER: 'kura_app', KURA_DB_APP_PASSWORD: 'pa55-w0rd' };
    expect(loadConfig({}).appDatabaseLogin).toBeUndefined();
    expect(loadConfig({ PGHOST: 'db', ...login }).appDatabaseLogin).toEqual({
      role: 'kura_app',
      user: 'kura_app',
      password: 'pa55-w0rd',
    });
    const { KURA_DB_APP_USER: _, ...partial } = login;
    expect(() => loadConfig(partial)).toThrow(
      /^KURA_DB_APP_ROLE, KURA_DB_APP_USER and KURA_DB_APP_PASSWORD are set together or not at all \(missing KURA_DB_APP_USER\)$/,
    );
    expect(() => loadConfig({ ...login, KURA_DB_APP_ROLE: 'Kura-App' })).toThrow(
      /^KURA_DB_APP_ROLE must be a lower-case PostgreSQL identifier \(got "Kura-App"\)$/,
    );
    let message = '';
    try {
      loadConfig({ ...login, KURA_DB_APP_PASSWORD: '' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^KURA_DB_APP_PASSWORD must not be empty$/);
  });

  it('keeps nothing on disk when ephemeral', () => {
    const config = loadConfig({ KURA_EPHEMERAL: 'true' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(config.dataDir).toBeUndefined();
  });

  it('defaults deployed profiles to port 8080, JSON info logs and no demo data', () => {
    const config = loadConfig({
      KURA_PROFILE: 'prd',
      PGHOST: 'db',
      ...databaseTls,
      KURA_OIDC_ISSUER: 'https://idp.example/pool',
      KURA_MEDIA_BUCKET: 'kura-prd-media',
      AWS_REGION: 'ap-northeast-1',
      ...queues,
    });
    expect(config.http.port).toBe(8080);
    expect(config.storage).toMatchObject({ driver: 's3', bucket: 'kura-prd-media' });
    expect(config.log.level).toBe('info');
    expect(config.demoData).toBe(false);
  });

  it('limits costly writes per caller, generously by default and as configured', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      checkout: { limit: 10, windowMs: 60_000 },
      imageUploads: { limit: 60, windowMs: 60_000 },
      productImports: { limit: 10, windowMs: 60_000 },
      ingest: { limit: 120, windowMs: 60_000 },
    });
    const lowered = loadConfig({
      KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE: '2',
      KURA_RATE_LIMIT_IMAGE_UPLOADS_PER_MINUTE: '3',
      KURA_RATE_LIMIT_PRODUCT_IMPORTS_PER_MINUTE: '1',
      KURA_RATE_LIMIT_INGEST_PER_DEVICE_PER_MINUTE: '4',
    }).rateLimits;
    expect([
      lowered.checkout.limit,
      lowered.imageUploads.limit,
      lowered.productImports.limit,
      lowered.ingest.limit,
    ]).toEqual([2, 3, 1, 4]);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a number \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be between 0 and 65535/],
    [{ KURA_PROFILE: 'production' }, /^KURA_PROFILE must be one of local, dev, stg, prd/],
    [{ KURA_EPHEMERAL: 'maybe' }, /^KURA_EPHEMERAL must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ HOST: 'a b' }, /^HOST must be a host name or IP address/],
    [
      { KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE: '0' },
      /^KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE must be between 1 and 100000/,
    ],
    [{ KURA_PROFILE: 'stg' }, /^DATABASE_URL, PGHOST or KURA_DATABASE_SECRET_ARN must be set when KURA_PROFILE is stg/],
    [{ KURA_PROFILE: 'dev', PGHOST: 'db' }, /^KURA_OIDC_ISSUER must be set when KURA_PROFILE is dev/],
    [
      { KURA_PROFILE: 'stg', PGHOST: 'db', KURA_OIDC_ISSUER: 'https://idp.example/pool' },
      /^KURA_MEDIA_BUCKET must be set when KURA_PROFILE is stg/,
    ],
    [
      deployed,
      /^KURA_EVENT_QUEUE_URL and KURA_EVENT_DLQ_URL must be set when KURA_PROFILE is stg .*missing KURA_EVENT_QUEUE_URL/,
    ],
    [
      { ...deployed, KURA_EVENT_QUEUE_URL: queues.KURA_EVENT_QUEUE_URL },
      /^KURA_EVENT_QUEUE_URL and KURA_EVENT_DLQ_URL must be set when KURA_PROFILE is stg .*missing KURA_EVENT_DLQ_URL/,
    ],
    [
      { ...queues },
      /^KURA_EVENT_DLQ_URL and AWS_REGION must be set when KURA_EVENT_QUEUE_URL is \(missing AWS_REGION\)/,
    ],
    [{ KURA_EVENT_DLQ_URL: queues.KURA_EVENT_DLQ_URL }, /^KURA_EVENT_QUEUE_URL must be set when KURA_EVENT_DLQ_URL is/],
    [
      { ...deployed, ...queues, DATABASE_CA_FILE: undefined },
      /^DATABASE_SSL=true and DATABASE_CA_FILE must be set when KURA_PROFILE is stg .*missing DATABASE_CA_FILE\)$/,
    ],
    [
      { ...deployed, ...queues, DATABASE_SSL: 'false', DATABASE_CA_FILE: undefined },
      /^DATABASE_SSL=true and DATABASE_CA_FILE must be set when KURA_PROFILE is stg .*missing DATABASE_SSL=true\)$/,
    ],
    [{ PGHOST: 'db', DATABASE_CA_FILE: '/ca.pem' }, /^DATABASE_SSL must be true when DATABASE_CA_FILE is set/],
    [{ KURA_EVENT_QUEUE_URL: 'kura-events' }, /^KURA_EVENT_QUEUE_URL must be a URL/],
    [{ KURA_EVENT_MAX_RECEIVE_COUNT: '0' }, /^KURA_EVENT_MAX_RECEIVE_COUNT must be between 1 and 1000/],
    [{ KURA_CORS_ORIGINS: 'https://a.example, nope' }, /^KURA_CORS_ORIGINS must be a comma-separated list of origins/],
  ])('fails fast naming the variable: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('derives the JWKS from the issuer, Cognito style, unless given', () => {
    const config = loadConfig({ KURA_OIDC_ISSUER: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool_1/' });
    expect(config.auth).toEqual({
      issuer: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool_1/',
      audience: 'kura-api',
      jwksUrl: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool_1/.well-known/jwks.json',
    });
    expect(loadConfig({ KURA_CORS_ORIGINS: 'https://a.example,https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('queues events in the PostgreSQL table locally, and on SQS when the queue URLs are set', () => {
    expect(loadConfig({}).events).toEqual({ transport: 'postgres', queue: 'events', maxReceiveCount: 5 });
    expect(loadConfig({ ...deployed, ...queues, KURA_EVENT_MAX_RECEIVE_COUNT: '3' }).events).toEqual({
      transport: 'sqs',
      queueUrl: queues.KURA_EVENT_QUEUE_URL,
      deadLetterQueueUrl: queues.KURA_EVENT_DLQ_URL,
      region: 'ap-northeast-1',
      endpoint: undefined,
      maxReceiveCount: 3,
    });
    // The local profile may use SQS too (the worker against the fauxqs emulator in tests).
    expect(
      loadConfig({ ...queues, AWS_REGION: 'ap-northeast-1', KURA_SQS_ENDPOINT: 'http://127.0.0.1:4566' }).events,
    ).toMatchObject({ transport: 'sqs', endpoint: 'http://127.0.0.1:4566' });
  });

  it('publishes some events on an EventBridge bus when KURA_EVENT_BUS_NAME names one, only beside the queue', () => {
    const withBus = { ...deployed, ...queues, KURA_EVENT_BUS_NAME: 'kura-dev-telemetry' };
    expect(loadConfig(withBus).events).toMatchObject({
      transport: 'sqs',
      bus: { name: 'kura-dev-telemetry', endpoint: undefined },
    });
    const arn = 'arn:aws:events:ap-northeast-1:123456789012:event-bus/kura-dev-telemetry';
    expect(loadConfig({ ...withBus, KURA_EVENT_BUS_NAME: arn }).events).toMatchObject({ bus: { name: arn } });
    expect(() => loadConfig({ KURA_EVENT_BUS_NAME: 'kura-dev-telemetry' })).toThrow(
      /^KURA_EVENT_QUEUE_URL must be set when KURA_EVENT_BUS_NAME is/,
    );
    expect(() => loadConfig({ ...withBus, KURA_EVENT_BUS_NAME: 'kura dev' })).toThrow(
      /^KURA_EVENT_BUS_NAME must be an event bus name or ARN/,
    );
  });

  it('keeps readings in PostgreSQL unless TELEMETRY_STORE names a DynamoDB table (and where to reach it)', () => {
    expect(loadConfig({}).telemetry).toEqual({ store: 'postgres' });
    expect(
      loadConfig({
        TELEMETRY_STORE: 'dynamodb',
        TELEMETRY_DYNAMODB_TABLE: 'kura-readings',
        AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      }).telemetry,
    ).toEqual({
      store: 'dynamodb',
      table: 'kura-readings',
      region: 'ap-northeast-1',
      endpoint: 'http://127.0.0.1:8000',
    });
    expect(
      loadConfig({ TELEMETRY_STORE: 'dynamodb', TELEMETRY_DYNAMODB_TABLE: 'kura-readings', AWS_REGION: 'us-west-2' })
        .telemetry,
    ).toEqual({ store: 'dynamodb', table: 'kura-readings', region: 'us-west-2', endpoint: undefined });
    expect(() => loadConfig({ TELEMETRY_STORE: 'dynamodb', AWS_REGION: 'us-west-2' })).toThrow(
      /^TELEMETRY_DYNAMODB_TABLE must be set when TELEMETRY_STORE is dynamodb/,
    );
    expect(() => loadConfig({ TELEMETRY_STORE: 'dynamodb', TELEMETRY_DYNAMODB_TABLE: 'kura-readings' })).toThrow(
      /^AWS_REGION or AWS_ENDPOINT_URL_DYNAMODB must be set/,
    );
    expect(() => loadConfig({ TELEMETRY_STORE: 'mongo' })).toThrow(/^TELEMETRY_STORE must be postgres or dynamodb/);
  });

  it('evaluates alerts in process unless TELEMETRY_ALERT_QUEUE_URL names the alert queue (and its region)', () => {
    expect(loadConfig({}).telemetryAlerts).toEqual({ notify: 'in-process' });
    const url = 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/kura-dev-alerts';
    expect(loadConfig({ TELEMETRY_ALERT_QUEUE_URL: url, AWS_REGION: 'ap-northeast-1' }).telemetryAlerts).toEqual({
      notify: 'sqs',
      queueUrl: url,
      region: 'ap-northeast-1',
      endpoint: undefined,
    });
    expect(() => loadConfig({ TELEMETRY_ALERT_QUEUE_URL: url })).toThrow(
      /^AWS_REGION must be set when TELEMETRY_ALERT_QUEUE_URL is/,
    );
    expect(() => loadConfig({ TELEMETRY_ALERT_QUEUE_URL: 'kura-alerts' })).toThrow(
      /^TELEMETRY_ALERT_QUEUE_URL must be a URL/,
    );
  });

  it('asks the ingest function only for what ingest needs: no issuer, media bucket or event queue', () => {
    const ingest = { KURA_PROFILE: 'prd', PGHOST: 'db', ...databaseTls };
    expect(() => loadConfig(ingest)).toThrow(/^KURA_OIDC_ISSUER must be set/);
    expect(loadConfig(ingest, { role: 'ingest' }).database).toMatchObject({ kind: 'postgres', ssl: true });
    // What every process needs stays required.
    expect(() => loadConfig({ KURA_PROFILE: 'prd' }, { role: 'ingest' })).toThrow(/^DATABASE_URL, PGHOST or/);
  });

  it('never echoes a secret-bearing value', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/^DATABASE_URL must be a postgres/);
    try {
      loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' });
    } catch (err) {
      expect(String(err)).not.toContain('hunter2');
    }
  });
});
