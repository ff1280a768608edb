import { lintApiDocument } from './api-lint.js';

// `npm run lint:api`: the OpenAPI document against Redocly's recommended rules; exits 1 on any finding.
const findings = await lintApiDocument();
for (const f of findings) process.stdout.write(`${f.severity} ${f.ruleId} ${f.pointer}: ${f.message}\n`);
process.stdout.write(`OpenAPI lint: ${findings.length === 0 ? 'clean' : `${findings.length} finding(s)`}\n`);
process.exit(findings.length === 0 ? 0 : 1);
