import { writeFile } from 'node:fs/promises';
import { apiTypesPath, renderApiTypes } from './api-types.js';

await writeFile(apiTypesPath, await renderApiTypes());
process.stdout.write(`wrote ${apiTypesPath}\n`);
process.exit(0);
