import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { fieldErrors } from '@/lib/api/error-messages';
import en from '@/lib/i18n/locales/en.json';
import ja from '@/lib/i18n/locales/ja.json';
import { emptyRuleForm, formToRule, type RuleForm, ruleToForm, serverFieldPaths, serverRuleWording } from './rule-form';

const form = (patch: Partial<RuleForm>): RuleForm => ({ ...emptyRuleForm, ...patch });

describe('formToRule', () => {
  it('builds an above-rule with hysteresis, minutes as seconds', () => {
    expect(formToRule(form({ threshold: '8', clearThreshold: '7.5', forMinutes: '10', clearForMinutes: '2' }))).toEqual(
      {
        rule: {
          kind: 'above',
          metric: 'temperature',
          threshold: 8,
          clearThreshold: 7.5,
          forSeconds: 600,
          clearForSeconds: 120,
          enabled: true,
        },
      },
    );
  });

  it('leaves the clear threshold out when blank, and forgives full-width digits', () => {
    expect(formToRule(form({ kind: 'below', metric: 'humidity', threshold: '４０', forMinutes: '０' }))).toEqual({
      rule: { kind: 'below', metric: 'humidity', threshold: 40, forSeconds: 0, clearForSeconds: 0, enabled: true },
    });
  });

  it('builds a silence rule from its minutes alone', () => {
    expect(formToRule(form({ kind: 'silence', threshold: 'x', forMinutes: '15' }))).toEqual({
      rule: { kind: 'silence', forSeconds: 900, enabled: true },
    });
  });

  it.each([
    [{ threshold: '' }, { threshold: 'thresholdRequired' }],
    [{ threshold: 'abc' }, { threshold: 'number' }],
    [{ threshold: '90' }, { threshold: 'temperatureRange' }],
    [{ metric: 'humidity' as const, threshold: '120' }, { threshold: 'humidityRange' }],
    [{ threshold: '8', clearThreshold: '9' }, { clearThreshold: 'clearAbove' }],
    [{ kind: 'below' as const, threshold: '2', clearThreshold: '1' }, { clearThreshold: 'clearBelow' }],
    [{ threshold: '8', forMinutes: '1441' }, { forMinutes: 'minutesRange' }],
    [{ threshold: '8', forMinutes: '-1' }, { forMinutes: 'minutesRange' }],
    [{ threshold: '8', clearForMinutes: 'soon' }, { clearForMinutes: 'minutesNumber' }],
    [{ kind: 'silence' as const, forMinutes: '0' }, { forMinutes: 'silenceMinutes' }],
  ])('refuses %j with %j', (patch, errors) => {
    expect(formToRule(form(patch))).toEqual({ errors });
  });
});

describe('ruleToForm', () => {
  it('shows a clear threshold equal to the threshold as blank, and seconds as minutes', () => {
    const rule = {
      id: 'r',
      deviceId: 'd',
      kind: 'above' as const,
      metric: 'temperature' as const,
      threshold: 8,
      clearThreshold: 8,
      forSeconds: 90,
      clearForSeconds: 0,
      enabled: false,
      phase: 'ok' as const,
      phaseSince: null,
      openAlertId: null,
      createdAt: '2026-12-03T00:00:00.000Z',
      updatedAt: '2026-12-03T00:00:00.000Z',
    };
    expect(ruleToForm(rule)).toEqual({
      kind: 'above',
      metric: 'temperature',
      threshold: '8',
      clearThreshold: '',
      forMinutes: '1.5',
      clearForMinutes: '0',
      enabled: false,
    });
  });
});

describe('the server’s refusals', () => {
  // The i18n key itself stands in for its wording: which key a code gets is what is checked here.
  const keyOnly = ((key: string) => key) as unknown as TFunction;
  const refused = (details: { path: string; code: string }[]) =>
    new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid',
      details: details.map((d) => ({ ...d, message: 'x' })),
    });

  it('word each rule code at its field, in the editor’s own words', () => {
    const errors = fieldErrors(
      refused([
        { path: 'clearThreshold', code: 'CLEAR_THRESHOLD_WRONG_SIDE' },
        { path: 'threshold', code: 'out_of_range' },
        { path: 'forSeconds', code: 'too_big' },
      ]),
      keyOnly,
      { fields: Object.keys(serverFieldPaths), byCode: serverRuleWording },
    );
    expect(errors).toEqual({
      clearThreshold: 'telemetryAlerts.errors.clearSide',
      threshold: 'telemetryAlerts.errors.outOfRange',
      forSeconds: 'telemetryAlerts.errors.minutesRange',
    });
  });

  it('have their wording in both languages', () => {
    const lookup = (resource: unknown, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource);
    for (const key of Object.values(serverRuleWording)) {
      expect(typeof lookup(ja, key), `ja ${key}`).toBe('string');
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
    }
  });
});
