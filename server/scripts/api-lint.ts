import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from './api-types.js';

/**
 * Redocly's `recommended` rules (what `redocly lint` runs), stricter where
 * generated clients break: every operation has a unique operationId, and every
 * example passes its own schema.
 */
const rules = {
  'operation-operationId': 'error',
  'operation-operationId-unique': 'error',
  'operation-operationId-url-safe': 'error',
  'no-invalid-schema-examples': 'error',
  'no-invalid-parameter-examples': 'error',
  'no-invalid-media-type-examples': 'error',
} as const;

/**
 * Findings accepted on purpose, each with its reason. An exception that no
 * longer matches a finding fails the lint too, so the list cannot go stale.
 */
export const acceptedFindings: readonly { ruleId: string; pointer: string; reason: string }[] = [
  {
    ruleId: 'info-license',
    pointer: '#/info',
    reason: 'the API of one private shop: there is no licence to state',
  },
  {
    ruleId: 'operation-4xx-response',
    pointer: '#/paths/~1api~1categories/get/responses',
    reason: 'takes no input at all, so no request to it can be a client error',
  },
];

export type LintFinding = { severity: string; ruleId: string; message: string; pointer: string };

/** Lints the document the server publishes; returns what is wrong (empty when clean). */
export async function lintApiDocument(): Promise<LintFinding[]> {
  const document = await buildOpenApiDocument();
  const config = await createConfig({ extends: ['recommended'], rules });
  const problems: NormalizedProblem[] = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  });
  const findings = problems.map((p) => ({
    severity: p.severity,
    ruleId: p.ruleId,
    message: p.message,
    pointer: p.location[0]?.pointer ?? '',
  }));
  const accepted = (f: { ruleId: string; pointer: string }) =>
    acceptedFindings.some((a) => a.ruleId === f.ruleId && a.pointer === f.pointer);
  const stale = acceptedFindings
    .filter((a) => !findings.some((f) => f.ruleId === a.ruleId && f.pointer === a.pointer))
    .map((a) => ({
      severity: 'error',
      ruleId: a.ruleId,
      message: 'an accepted finding that no longer occurs: remove it from acceptedFindings',
      pointer: a.pointer,
    }));
  return [...findings.filter((f) => !accepted(f)), ...stale, ...checkExampleFormats(document)];
}

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/**
 * Redocly checks examples without their `format`s; Scalar's validator (and a
 * client that validates) checks them: a `date-time` example without an offset
 * passes one and fails the other. So every schema's `example` is checked here
 * with formats, against the schema it sits in.
 */
function checkExampleFormats(document: Record<string, unknown>): LintFinding[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  const findings: LintFinding[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (!isNode(node)) return;
    if (!Array.isArray(node) && 'example' in node && ('type' in node || '$ref' in node || 'anyOf' in node)) {
      const { example, ...schema } = node;
      const refsToDocument = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
      );
      const validate = ajv.compile(refsToDocument);
      if (!validate(example)) {
        findings.push({
          severity: 'error',
          ruleId: 'example-matches-schema',
          message: `example ${JSON.stringify(example)} ${ajv.errorsText(validate.errors)}`,
          pointer,
        });
      }
    }
    for (const [key, value] of Object.entries(node))
      walk(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  walk(document, '#');
  return findings;
}
