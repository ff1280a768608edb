import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type AlertKind,
  type AlertMetric,
  type AlertPhase,
  alertKinds,
  alertMetrics,
  alertPhases,
} from './alert-evaluator.js';

/**
 * The telemetry module owns the `telemetry` schema: storehouse sensors
 * (devices), their keys, and the readings they report. `created_by` has no
 * foreign key to identity's users: modules are independent.
 */
export const telemetrySchema = pgSchema('telemetry');

export const deviceKinds = ['fridge', 'cellar', 'warehouse', 'freezer', 'shop_floor', 'other'] as const;
export type DeviceKind = (typeof deviceKinds)[number];
export const deviceNameMaxLength = 100;
export const deviceLocationMaxLength = 200;
/** From every 10 seconds to once a day. */
export const reportingIntervalRange = { min: 10, max: 86_400 } as const;

export const devices = telemetrySchema.table(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    /** Where it hangs, as staff say it ("蔵1 冷蔵庫"). */
    location: text('location').notNull(),
    kind: text('kind').$type<DeviceKind>().notNull(),
    /** How often the device is expected to report; silence is judged against it. */
    reportingIntervalSeconds: integer('reporting_interval_seconds').notNull(),
    /** A disabled device's readings are refused whatever key it presents. */
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('devices_kind', sql`${t.kind} in (${sql.raw(deviceKinds.map((k) => `'${k}'`).join(', '))})`),
    check(
      'devices_interval_range',
      sql`${t.reportingIntervalSeconds} between ${sql.raw(String(reportingIntervalRange.min))} and ${sql.raw(String(reportingIntervalRange.max))}`,
    ),
    check('devices_names_present', sql`btrim(${t.nameJa}) <> '' and btrim(${t.nameEn}) <> ''`),
    index('devices_created_idx').on(t.createdAt, t.id),
  ],
);

/**
 * A device's keys. Rotating adds a key and gives the live ones an expiry (the
 * grace period, so a device fleet can be updated without a gap); revoking
 * ends all of them at once.
 */
export const deviceKeys = telemetrySchema.table(
  'device_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    /** SHA-256 of the key (platform/auth/bearer-secrets.ts says why a fast hash is enough). */
    keyHash: text('key_hash').notNull().unique(),
    /** The key's first characters, so staff can tell which one a device holds. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a newer key replaced this one: it works until then. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('device_keys_device_idx').on(t.deviceId, t.createdAt)],
);

/**
 * One row per reading, keyed as the DynamoDB table is (device, instant): the
 * key makes a repeated reading a no-op. No foreign key to devices: the
 * readings store is a port whose other adapter lives in another database.
 */
export const readings = telemetrySchema.table(
  'readings',
  {
    deviceId: uuid('device_id').notNull(),
    ts: timestamp('ts', { withTimezone: true, precision: 3 }).notNull(),
    temperature: doublePrecision('temperature').notNull(),
    humidity: doublePrecision('humidity').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ name: 'readings_pkey', columns: [t.deviceId, t.ts] }),
    // Retention deletes by age across devices. Readings arrive in time order, so a block-range
    // index finds the old ones for a few kilobytes where a B-tree would double the write cost.
    index('readings_ts_brin').using('brin', t.ts),
  ],
);

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A device's alert rules, each with its evaluation state in the same row: a
 * staff edit and an evaluation lock the one row, so an edit never races a
 * half-applied evaluation. `metric`, the thresholds and `clear_for_seconds`
 * belong to threshold rules; a silence rule has only `for_seconds`.
 */
export const alertRules = telemetrySchema.table(
  'alert_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AlertKind>().notNull(),
    metric: text('metric').$type<AlertMetric>(),
    threshold: doublePrecision('threshold'),
    clearThreshold: doublePrecision('clear_threshold'),
    forSeconds: integer('for_seconds').notNull(),
    clearForSeconds: integer('clear_for_seconds').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    phase: text('phase').$type<AlertPhase>().notNull().default('ok'),
    phaseSince: timestamp('phase_since', { withTimezone: true, precision: 3 }),
    lastReadingAt: timestamp('last_reading_at', { withTimezone: true, precision: 3 }),
    /** When the rule (as it is now) started watching: silence before it does not count. */
    watchingSince: timestamp('watching_since', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The alert raised and not yet cleared, if any. */
    openAlertId: uuid('open_alert_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('alert_rules_kind', sql`${t.kind} in (${inList(alertKinds)})`),
    check('alert_rules_phase', sql`${t.phase} in (${inList(alertPhases)})`),
    check(
      'alert_rules_shape',
      sql`case when ${t.kind} = 'silence'
            then ${t.metric} is null and ${t.threshold} is null and ${t.clearThreshold} is null and ${t.forSeconds} > 0
            else ${t.metric} in (${inList(alertMetrics)}) and ${t.threshold} is not null and ${t.clearThreshold} is not null
              and (case when ${t.kind} = 'above' then ${t.clearThreshold} <= ${t.threshold} else ${t.clearThreshold} >= ${t.threshold} end)
          end`,
    ),
    check('alert_rules_durations', sql`${t.forSeconds} >= 0 and ${t.clearForSeconds} >= 0`),
    index('alert_rules_device_idx').on(t.deviceId, t.createdAt),
  ],
);

/**
 * Alert history: one row per raised alert, cleared in place. `rule_id` is
 * kept without a foreign key, so the history outlives a removed rule; what
 * the rule said is copied in.
 */
export const alerts = telemetrySchema.table(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').notNull(),
    kind: text('kind').$type<AlertKind>().notNull(),
    metric: text('metric').$type<AlertMetric>(),
    threshold: doublePrecision('threshold'),
    forSeconds: integer('for_seconds').notNull(),
    conditionSince: timestamp('condition_since', { withTimezone: true, precision: 3 }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, precision: 3 }).notNull(),
    raisedValue: doublePrecision('raised_value'),
    clearedAt: timestamp('cleared_at', { withTimezone: true, precision: 3 }),
    clearedValue: doublePrecision('cleared_value'),
    clearedBecause: text('cleared_because').$type<AlertClearReason>(),
  },
  (t) => [index('alerts_device_idx').on(t.deviceId, t.raisedAt, t.id)],
);

export const alertClearReasons = ['recovered', 'rule_changed', 'rule_removed'] as const;
export type AlertClearReason = (typeof alertClearReasons)[number];

export type DeviceRow = typeof devices.$inferSelect;
export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type DeviceKeyRow = typeof deviceKeys.$inferSelect;
