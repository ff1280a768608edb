import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The one place that reads the environment. Everything else receives a typed
 * `Config`. Parsing fails fast with a message that names the variable.
 */

const profiles = ['local', 'dev', 'stg', 'prd'] as const;
export type Profile = (typeof profiles)[number];

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const queueUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+\/\S+$/, 'must be a URL');

const databaseIdentifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier');

const perMinute = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be between 1 and 100000')
  .max(100_000, 'must be between 1 and 100000');

const envSchema = z.object({
  KURA_PROFILE: z.enum(profiles, { error: `must be one of ${profiles.join(', ')}` }).default('local'),
  HOST: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9.:-]+$/, 'must be a host name or IP address')
    .default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PGHOST: optionalNonEmpty,
  /**
   * The Aurora secret (host, port, dbname, username, password as JSON) to read at start: on Lambda, which
   * cannot inject a secret's fields into the environment as ECS does (PGHOST…).
   */
  KURA_DATABASE_SECRET_ARN: z
    .string()
    .trim()
    .regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:\S+$/, 'must be a Secrets Manager secret ARN')
    .optional(),
  DATABASE_SSL: booleanString.default(false),
  /**
   * PEM file of the certificate authorities that sign the database server's certificate; the only ones trusted
   * for it. The image sets it to the RDS CA bundle it carries (Dockerfile); Node's own roots do not include RDS's.
   */
  DATABASE_CA_FILE: optionalNonEmpty,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * The app's own database login, which the migrate task creates and grants rows only (on AWS from the
   * app login's secret; infra/lib/constructs/migration.ts). Locally unset: the app uses the owner's login.
   */
  KURA_DB_APP_ROLE: databaseIdentifier.optional(),
  KURA_DB_APP_USER: databaseIdentifier.optional(),
  KURA_DB_APP_PASSWORD: z.string().min(1, 'must not be empty').optional(),
  KURA_DATA_DIR: optionalNonEmpty,
  KURA_EPHEMERAL: booleanString.default(false),
  KURA_DEMO_DATA: booleanString.optional(),
  KURA_WEB_DIST: optionalNonEmpty,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ error: 'must be a URL' }).optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('kura'),
  /** Write metrics as CloudWatch Embedded Metric Format lines on stdout; unset: when deployed (not locally). */
  KURA_METRICS_EMF: booleanString.optional(),
  /**
   * Send this process's metrics to OTEL_EXPORTER_OTLP_ENDPOINT's /v1/metrics as well: the worker entry run
   * as a process of its own, so the local console charts what it counts. Off by default (on AWS, EMF).
   */
  KURA_METRICS_OTLP: booleanString.default(false),
  /** `k=v,k2=v2` (values URL-encoded), sent with OTLP exports: the receiver's Authorization. */
  OTEL_EXPORTER_OTLP_HEADERS: optionalNonEmpty,
  /** `off`: no spans recorded and no metrics kept at all — what `npm run bench` measures their overhead against. */
  KURA_OBSERVABILITY: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  /** Share of new traces recorded (head sampling, parent-based); unset: all locally, 0.1 when deployed. */
  KURA_TRACE_SAMPLE_RATIO: z.coerce
    .number({ error: 'must be a number' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .optional(),
  KURA_OIDC_ISSUER: z.url({ error: 'must be a URL' }).optional(),
  KURA_OIDC_AUDIENCE: z.string().trim().min(1).default('kura-api'),
  KURA_OIDC_JWKS_URL: z.url({ error: 'must be a URL' }).optional(),
  KURA_CORS_ORIGINS: z
    .string()
    .trim()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: 'must be a comma-separated list of origins' })))
    .default([]),
  KURA_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  KURA_STORAGE_DRIVER: z.enum(['filesystem', 's3'], { error: 'must be filesystem or s3' }).optional(),
  /** The name the infrastructure passes to the API task (infra/lib/stacks/app-stack.ts). */
  KURA_MEDIA_BUCKET: optionalNonEmpty,
  AWS_REGION: optionalNonEmpty,
  KURA_S3_ENDPOINT: z.url({ error: 'must be a URL' }).optional(),
  KURA_UPLOAD_SECRET: z.string().trim().min(32, 'must be at least 32 characters').optional(),
  KURA_MEDIA_MAX_UPLOAD_BYTES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1024, 'must be at least 1024')
    .max(50 * 1024 * 1024, 'must be at most 52428800 (50 MiB)')
    .default(10 * 1024 * 1024),
  /** The event queue and its dead-letter queue on SQS (infra/lib/constructs/messaging.ts); unset: the PostgreSQL queue table. */
  // A pattern, not z.url(): the fauxqs emulator's queue URLs (http://sqs.<region>.127.0.0.1:<port>/…) are no valid URL.
  KURA_EVENT_QUEUE_URL: queueUrl.optional(),
  KURA_EVENT_DLQ_URL: queueUrl.optional(),
  /**
   * The EventBridge bus (name or ARN) some events are published on instead of the queue, for a rule to
   * deliver to it (infra's telemetry bus: alert events). Only with KURA_EVENT_QUEUE_URL.
   */
  KURA_EVENT_BUS_NAME: z
    .string()
    .trim()
    .regex(
      /^(arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/)?[A-Za-z0-9._\-/]{1,256}$/,
      'must be an event bus name or ARN',
    )
    .optional(),
  /** Another EventBridge endpoint (a test's stand-in); unset: AWS's. */
  KURA_EVENTBRIDGE_ENDPOINT: z.url({ error: 'must be a URL' }).optional(),
  /** Another SQS endpoint (the fauxqs emulator in tests); unset: AWS's. */
  KURA_SQS_ENDPOINT: z.url({ error: 'must be a URL' }).optional(),
  /** Receives before a failing message is dead-lettered; on SQS the queue's redrive policy says the same. */
  KURA_EVENT_MAX_RECEIVE_COUNT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 1000')
    .max(1000, 'must be between 1 and 1000')
    .default(5),
  /** Per-caller limits on costly writes, per minute and per API task (platform/http/rate-limiter.ts). */
  KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE: perMinute.default(10),
  KURA_RATE_LIMIT_IMAGE_UPLOADS_PER_MINUTE: perMinute.default(60),
  KURA_RATE_LIMIT_PRODUCT_IMPORTS_PER_MINUTE: perMinute.default(10),
  KURA_RATE_LIMIT_INGEST_PER_DEVICE_PER_MINUTE: perMinute.default(120),
  /** The SSM folder of the fault switches (infra: /kura/<env>/faults); unset: kept in this process. */
  KURA_FAULT_SWITCHES_SSM_PATH: z
    .string()
    .trim()
    .regex(/^(\/[A-Za-z0-9_.-]+)+$/, 'must be an SSM parameter path such as /kura/dev/faults')
    .optional(),
  /** Another SSM endpoint (a test's stand-in); unset: AWS's. */
  KURA_SSM_ENDPOINT: z.url({ error: 'must be a URL' }).optional(),
  /** Where sensor readings live: the main PostgreSQL database (default), or a DynamoDB table. */
  TELEMETRY_STORE: z.enum(['postgres', 'dynamodb'], { error: 'must be postgres or dynamodb' }).default('postgres'),
  /** The readings table (infra's telemetry table; scripts/create-readings-table.ts makes one on an emulator). */
  TELEMETRY_DYNAMODB_TABLE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name (3–255 of A-Z a-z 0-9 _ . -)')
    .optional(),
  /**
   * The alert evaluation's queue (infra's telemetry AlertQueue): ingest sends each stored batch's notice there
   * for the alert Lambda (KURA_SQS_ENDPOINT applies). Unset: evaluated in the ingesting process.
   */
  TELEMETRY_ALERT_QUEUE_URL: queueUrl.optional(),
  /** Another DynamoDB endpoint (an emulator, DynamoDB Local); the AWS SDK's own name for it. Unset: AWS's. */
  AWS_ENDPOINT_URL_DYNAMODB: z.url({ error: 'must be a URL' }).optional(),
});

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | undefined }
  | {
      kind: 'postgres';
      /** Undefined when the libpq variables (PGHOST, PGUSER, …) describe the server. */
      connectionString: string | undefined;
      /** A secret holding the server and credentials (Lambda); its fields are read when the database opens. */
      secretArn?: string | undefined;
      ssl: boolean;
      /** The CA bundle that verifies the server's certificate; undefined: Node's default roots. */
      caFile: string | undefined;
      poolSize: number;
    };

export type StorageConfig =
  | {
      driver: 'filesystem';
      /** Signs local upload forms; generated once per data dir when not configured. */
      uploadSecret: string | undefined;
    }
  | { driver: 's3'; bucket: string; region: string; endpoint: string | undefined };

/**
 * Where events travel after the outbox relay: the PostgreSQL queue table in
 * the embedded default, SQS (with its dead-letter queue) on AWS.
 */
export type EventsConfig =
  | { transport: 'postgres'; queue: string; maxReceiveCount: number }
  | {
      transport: 'sqs';
      queueUrl: string;
      deadLetterQueueUrl: string;
      region: string;
      endpoint: string | undefined;
      maxReceiveCount: number;
      /** The bus the composition routes some event types to (flows/event-runtime.ts); unset: all on the queue. */
      bus?: { name: string; endpoint: string | undefined } | undefined;
    };

/** At most `limit` requests per caller in each window of `windowMs`. */
export type RateLimit = { limit: number; windowMs: number };

/**
 * Generous: a customer checks out a few times a day, staff upload an image
 * or an import at a time. They stop a script, not a person.
 */
export type RateLimitsConfig = {
  /** POST /api/orders: every attempt, replays of an Idempotency-Key too. */
  checkout: RateLimit;
  /** Presigned image upload forms (each form allows one upload and one registration). */
  imageUploads: RateLimit;
  /** CSV imports: each reads and checks up to 20,000 rows in one transaction. */
  productImports: RateLimit;
  /** POST /ingest/v1/readings, per device (up to 500 readings each): a sensor posts a few times a minute, a backfill more. */
  ingest: RateLimit;
};

/** A database login the migrate task makes the app's: `user` (and its rotation twin) are members of `role`. */
export type AppDatabaseLogin = { role: string; user: string; password: string };

/** Where the fault switches live (platform/faults): this process, or SSM parameters every task reads. */
export type FaultsConfig =
  | { store: 'in-process' }
  | { store: 'ssm'; path: string; region: string; endpoint: string | undefined };
/** Where telemetry readings are kept (modules/telemetry/public.ts `openReadingsStore`). */
export type TelemetryStoreConfig =
  | { store: 'postgres' }
  | { store: 'dynamodb'; table: string; region: string; endpoint: string | undefined };

/** Where ingest sends word of stored readings (modules/telemetry `ReadingsStoredNotifier`). */
export type TelemetryAlertsConfig =
  | { notify: 'in-process' }
  | { notify: 'sqs'; queueUrl: string; region: string; endpoint: string | undefined };

/**
 * What a process is for: the whole API (`kura`), or only the devices' ingest endpoint (the ingest Lambda),
 * which needs no sign-in issuer, media bucket or event queue, so a deployed profile does not demand them.
 */
export type ConfigRole = 'kura' | 'ingest';

export type Config = {
  profile: Profile;
  http: { host: string; port: number };
  database: DatabaseConfig;
  /** Only in the migrate task on AWS: the app's login to create, with rows only. */
  appDatabaseLogin: AppDatabaseLogin | undefined;
  /** Where local state lives: PGlite's data and the local object store. */
  dataDir: string | undefined;
  demoData: boolean;
  webDist: string;
  log: { level: string };
  tracing: {
    serviceName: string;
    otlpEndpoint: string | undefined;
    /** Share of new traces recorded; a failed request or message is kept whatever it is. */
    sampleRatio: number;
    /** false: nothing is recorded, whatever the ratio (KURA_OBSERVABILITY=off). */
    enabled: boolean;
  };
  /**
   * Metrics go to the in-process store (the operations API); `emf` adds CloudWatch EMF lines on stdout;
   * `enabled` false keeps none (KURA_OBSERVABILITY=off).
   */
  metrics: {
    emf: boolean;
    enabled: boolean;
    otlp: { endpoint: string; headers: Record<string, string> } | undefined;
  };
  auth: {
    /** The OIDC issuer whose access tokens the API accepts; undefined: the local in-process provider. */
    issuer: string | undefined;
    audience: string;
    jwksUrl: string | undefined;
  };
  /** Browser origins other than Kura's own that may call the API. */
  corsOrigins: string[];
  shutdownTimeoutMs: number;
  storage: StorageConfig;
  media: { maxUploadBytes: number };
  events: EventsConfig;
  rateLimits: RateLimitsConfig;
  faults: FaultsConfig;
  telemetry: TelemetryStoreConfig;
  telemetryAlerts: TelemetryAlertsConfig;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The repository root, for defaults that point into the work tree. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { role?: ConfigRole } = {},
): Config {
  const wholeApi = (options.role ?? 'kura') === 'kura';
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const value = env[name];
    const shown = value === undefined || isSecretName(name) ? '' : ` (got "${value}")`;
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data;
  const usesPostgres =
    e.DATABASE_URL !== undefined || e.PGHOST !== undefined || e.KURA_DATABASE_SECRET_ARN !== undefined;
  if (e.KURA_PROFILE !== 'local' && !usesPostgres) {
    throw new ConfigError(
      `DATABASE_URL, PGHOST or KURA_DATABASE_SECRET_ARN must be set when KURA_PROFILE is ${e.KURA_PROFILE} (the embedded database is for local use only)`,
    );
  }
  if (e.KURA_METRICS_OTLP && !e.OTEL_EXPORTER_OTLP_ENDPOINT) {
    throw new ConfigError(
      'OTEL_EXPORTER_OTLP_ENDPOINT must be set when KURA_METRICS_OTLP is true (where to send them)',
    );
  }
  if (wholeApi && e.KURA_PROFILE !== 'local' && !e.KURA_OIDC_ISSUER) {
    throw new ConfigError(
      `KURA_OIDC_ISSUER must be set when KURA_PROFILE is ${e.KURA_PROFILE} (the Cognito user pool issuer)`,
    );
  }
  if (wholeApi && e.KURA_PROFILE !== 'local' && !e.KURA_MEDIA_BUCKET) {
    throw new ConfigError(
      `KURA_MEDIA_BUCKET must be set when KURA_PROFILE is ${e.KURA_PROFILE} (a container's disk is not where product images live)`,
    );
  }
  if (wholeApi && e.KURA_PROFILE !== 'local' && (!e.KURA_EVENT_QUEUE_URL || !e.KURA_EVENT_DLQ_URL)) {
    throw new ConfigError(
      `KURA_EVENT_QUEUE_URL and KURA_EVENT_DLQ_URL must be set when KURA_PROFILE is ${e.KURA_PROFILE} (orders are confirmed through the SQS event queue; missing ${e.KURA_EVENT_QUEUE_URL ? 'KURA_EVENT_DLQ_URL' : 'KURA_EVENT_QUEUE_URL'})`,
    );
  }
  if (e.DATABASE_CA_FILE && !e.DATABASE_SSL) {
    throw new ConfigError(
      'DATABASE_SSL must be true when DATABASE_CA_FILE is set (a CA file with TLS off trusts nothing)',
    );
  }
  // Aurora's certificates chain to the RDS roots, which Node does not carry: without the bundle every connection
  // fails verification, so a deployed profile says where it is rather than failing at the first query.
  if (e.KURA_PROFILE !== 'local' && (!e.DATABASE_SSL || !e.DATABASE_CA_FILE)) {
    throw new ConfigError(
      `DATABASE_SSL=true and DATABASE_CA_FILE must be set when KURA_PROFILE is ${e.KURA_PROFILE} (the database is reached over verified TLS; missing ${e.DATABASE_SSL ? 'DATABASE_CA_FILE' : 'DATABASE_SSL=true'})`,
    );
  }
  if (e.KURA_EVENT_QUEUE_URL && (!e.KURA_EVENT_DLQ_URL || !e.AWS_REGION)) {
    throw new ConfigError(
      `KURA_EVENT_DLQ_URL and AWS_REGION must be set when KURA_EVENT_QUEUE_URL is (missing ${e.KURA_EVENT_DLQ_URL ? 'AWS_REGION' : 'KURA_EVENT_DLQ_URL'})`,
    );
  }
  if (e.KURA_EVENT_BUS_NAME && !e.KURA_EVENT_QUEUE_URL) {
    throw new ConfigError(
      'KURA_EVENT_QUEUE_URL must be set when KURA_EVENT_BUS_NAME is (the bus delivers to the event queue)',
    );
  }
  if (!e.KURA_EVENT_QUEUE_URL && e.KURA_EVENT_DLQ_URL) {
    throw new ConfigError('KURA_EVENT_QUEUE_URL must be set when KURA_EVENT_DLQ_URL is (the queue it belongs to)');
  }
  const appLogin = {
    KURA_DB_APP_ROLE: e.KURA_DB_APP_ROLE,
    KURA_DB_APP_USER: e.KURA_DB_APP_USER,
    KURA_DB_APP_PASSWORD: e.KURA_DB_APP_PASSWORD,
  };
  const appLoginMissing = Object.entries(appLogin)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (appLoginMissing.length > 0 && appLoginMissing.length < 3) {
    throw new ConfigError(
      `KURA_DB_APP_ROLE, KURA_DB_APP_USER and KURA_DB_APP_PASSWORD are set together or not at all (missing ${appLoginMissing.join(', ')})`,
    );
  }
  if (e.TELEMETRY_STORE === 'dynamodb' && !e.TELEMETRY_DYNAMODB_TABLE) {
    throw new ConfigError('TELEMETRY_DYNAMODB_TABLE must be set when TELEMETRY_STORE is dynamodb');
  }
  // An emulator takes any region; AWS's endpoint is chosen by it.
  if (e.TELEMETRY_STORE === 'dynamodb' && !e.AWS_REGION && !e.AWS_ENDPOINT_URL_DYNAMODB) {
    throw new ConfigError(
      'AWS_REGION or AWS_ENDPOINT_URL_DYNAMODB must be set when TELEMETRY_STORE is dynamodb (which DynamoDB to use)',
    );
  }
  if (e.TELEMETRY_ALERT_QUEUE_URL && !e.AWS_REGION) {
    throw new ConfigError('AWS_REGION must be set when TELEMETRY_ALERT_QUEUE_URL is (the region of the queue)');
  }
  const driver = e.KURA_STORAGE_DRIVER ?? (e.KURA_MEDIA_BUCKET ? 's3' : 'filesystem');
  if (driver === 's3' && (!e.KURA_MEDIA_BUCKET || !e.AWS_REGION)) {
    throw new ConfigError(
      `KURA_MEDIA_BUCKET and AWS_REGION must be set when KURA_STORAGE_DRIVER is s3 (missing ${e.KURA_MEDIA_BUCKET ? 'AWS_REGION' : 'KURA_MEDIA_BUCKET'})`,
    );
  }
  if (e.KURA_FAULT_SWITCHES_SSM_PATH && !e.AWS_REGION) {
    throw new ConfigError('AWS_REGION must be set when KURA_FAULT_SWITCHES_SSM_PATH is (the region of the parameters)');
  }
  const dataDir = e.KURA_EPHEMERAL ? undefined : resolve(e.KURA_DATA_DIR ?? join(repoRoot, '.data'));
  return {
    profile: e.KURA_PROFILE,
    http: { host: e.HOST, port: e.PORT ?? (e.KURA_PROFILE === 'local' ? 3000 : 8080) },
    database: usesPostgres
      ? {
          kind: 'postgres',
          connectionString: e.DATABASE_URL,
          ...(e.KURA_DATABASE_SECRET_ARN ? { secretArn: e.KURA_DATABASE_SECRET_ARN } : {}),
          ssl: e.DATABASE_SSL,
          caFile: e.DATABASE_CA_FILE,
          poolSize: e.DATABASE_POOL_SIZE,
        }
      : { kind: 'pglite', dataDir: dataDir === undefined ? undefined : join(dataDir, 'pg') },
    appDatabaseLogin:
      e.KURA_DB_APP_ROLE && e.KURA_DB_APP_USER && e.KURA_DB_APP_PASSWORD
        ? { role: e.KURA_DB_APP_ROLE, user: e.KURA_DB_APP_USER, password: e.KURA_DB_APP_PASSWORD }
        : undefined,
    dataDir,
    demoData: e.KURA_DEMO_DATA ?? e.KURA_PROFILE === 'local',
    webDist: resolve(e.KURA_WEB_DIST ?? join(repoRoot, 'web/dist')),
    log: { level: e.LOG_LEVEL ?? (e.KURA_PROFILE === 'local' ? 'warn' : 'info') },
    tracing: {
      serviceName: e.OTEL_SERVICE_NAME,
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      // Locally every trace is there to learn from; deployed, a tenth keeps the cost of spans small.
      sampleRatio: e.KURA_TRACE_SAMPLE_RATIO ?? (e.KURA_PROFILE === 'local' ? 1 : 0.1),
      enabled: e.KURA_OBSERVABILITY === 'on',
    },
    metrics: {
      emf: e.KURA_METRICS_EMF ?? e.KURA_PROFILE !== 'local',
      enabled: e.KURA_OBSERVABILITY === 'on',
      otlp:
        e.KURA_METRICS_OTLP && e.OTEL_EXPORTER_OTLP_ENDPOINT
          ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, headers: otlpHeaders(e.OTEL_EXPORTER_OTLP_HEADERS) }
          : undefined,
    },
    auth: {
      issuer: e.KURA_OIDC_ISSUER,
      audience: e.KURA_OIDC_AUDIENCE,
      jwksUrl:
        e.KURA_OIDC_JWKS_URL ??
        (e.KURA_OIDC_ISSUER ? `${e.KURA_OIDC_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json` : undefined),
    },
    corsOrigins: e.KURA_CORS_ORIGINS,
    shutdownTimeoutMs: e.KURA_SHUTDOWN_TIMEOUT_MS,
    storage:
      driver === 's3' && e.KURA_MEDIA_BUCKET && e.AWS_REGION
        ? { driver: 's3', bucket: e.KURA_MEDIA_BUCKET, region: e.AWS_REGION, endpoint: e.KURA_S3_ENDPOINT }
        : { driver: 'filesystem', uploadSecret: e.KURA_UPLOAD_SECRET },
    media: { maxUploadBytes: e.KURA_MEDIA_MAX_UPLOAD_BYTES },
    events:
      e.KURA_EVENT_QUEUE_URL && e.KURA_EVENT_DLQ_URL && e.AWS_REGION
        ? {
            transport: 'sqs',
            queueUrl: e.KURA_EVENT_QUEUE_URL,
            deadLetterQueueUrl: e.KURA_EVENT_DLQ_URL,
            region: e.AWS_REGION,
            endpoint: e.KURA_SQS_ENDPOINT,
            maxReceiveCount: e.KURA_EVENT_MAX_RECEIVE_COUNT,
            bus: e.KURA_EVENT_BUS_NAME
              ? { name: e.KURA_EVENT_BUS_NAME, endpoint: e.KURA_EVENTBRIDGE_ENDPOINT }
              : undefined,
          }
        : { transport: 'postgres', queue: 'events', maxReceiveCount: e.KURA_EVENT_MAX_RECEIVE_COUNT },
    rateLimits: {
      checkout: { limit: e.KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE, windowMs: 60_000 },
      imageUploads: { limit: e.KURA_RATE_LIMIT_IMAGE_UPLOADS_PER_MINUTE, windowMs: 60_000 },
      productImports: { limit: e.KURA_RATE_LIMIT_PRODUCT_IMPORTS_PER_MINUTE, windowMs: 60_000 },
      ingest: { limit: e.KURA_RATE_LIMIT_INGEST_PER_DEVICE_PER_MINUTE, windowMs: 60_000 },
    },
    faults:
      e.KURA_FAULT_SWITCHES_SSM_PATH && e.AWS_REGION
        ? { store: 'ssm', path: e.KURA_FAULT_SWITCHES_SSM_PATH, region: e.AWS_REGION, endpoint: e.KURA_SSM_ENDPOINT }
        : { store: 'in-process' },
    telemetry:
      e.TELEMETRY_STORE === 'dynamodb' && e.TELEMETRY_DYNAMODB_TABLE
        ? {
            store: 'dynamodb',
            table: e.TELEMETRY_DYNAMODB_TABLE,
            region: e.AWS_REGION ?? 'ap-northeast-1',
            endpoint: e.AWS_ENDPOINT_URL_DYNAMODB,
          }
        : { store: 'postgres' },
    telemetryAlerts:
      e.TELEMETRY_ALERT_QUEUE_URL && e.AWS_REGION
        ? { notify: 'sqs', queueUrl: e.TELEMETRY_ALERT_QUEUE_URL, region: e.AWS_REGION, endpoint: e.KURA_SQS_ENDPOINT }
        : { notify: 'in-process' },
  };
}

function isSecretName(name: string): boolean {
  return /URL|PASSWORD|SECRET|TOKEN|KEY/i.test(name);
}

/** OTEL_EXPORTER_OTLP_HEADERS as the OTel specification writes it: `key=value` pairs, comma-separated, URL-encoded. */
function otlpHeaders(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}
