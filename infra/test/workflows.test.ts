import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const workflows = readdirSync(new URL('.github/workflows/', root)).map((f) => ({
  f,
  text: read(`.github/workflows/${f}`),
}));
const scripts = (path: string) => (JSON.parse(read(path)) as { scripts?: Record<string, string> }).scripts ?? {};

describe('workflows stay consistent with the repository', () => {
  test('every `npm run <script> -w @kura/infra` exists in infra/package.json', () => {
    const infra = scripts('infra/package.json');
    for (const { text } of workflows) {
      for (const [, name] of text.matchAll(/npm run ([\w:-]+) -w @kura\/infra/g))
        expect(infra).toHaveProperty(name as string);
    }
    expect(infra).toHaveProperty('lint:actions');
  });

  // The root scripts (check, build, test) are owned by the root package.json; until it has
  // scripts at all this reports what is missing rather than failing the infra suite.
  const rootScripts = scripts('package.json');
  test.skipIf(Object.keys(rootScripts).length === 0)('every root `npm run <script>` exists', () => {
    for (const { text } of workflows) {
      for (const [, name] of text.matchAll(/npm run ([\w:-]+)(?! -w)\s*$/gm))
        expect(rootScripts).toHaveProperty(name as string);
    }
  });

  test('no long-lived AWS keys; deploy jobs use OIDC', () => {
    for (const { f, text } of workflows) {
      expect(text, f).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id/);
    }
    const deploy = read('.github/workflows/deploy-environment.yml');
    expect(deploy).toContain('id-token: write');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(deploy).toContain('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    expect(read('.github/workflows/deploy.yml')).toMatch(/prd:\n\s+needs: stg/);
  });
});
