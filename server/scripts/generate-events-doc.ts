import { writeFile } from 'node:fs/promises';
import { eventsDocPath, renderEventsDoc } from './events-doc.js';

await writeFile(eventsDocPath, renderEventsDoc());
process.stdout.write(`wrote ${eventsDocPath}\n`);
process.exit(0);
