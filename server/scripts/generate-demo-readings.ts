import { demoReadingsPath, writeDemoReadings } from '../demo/demo-readings.js';

await writeDemoReadings();
process.stdout.write(`wrote ${demoReadingsPath}\n`);
process.exit(0);
