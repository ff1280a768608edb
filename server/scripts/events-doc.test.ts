import { describe, expect, it } from 'vitest';
import { readCommittedEventsDoc, renderEventsDoc } from './events-doc.js';

describe('the events document', () => {
  it('matches the event definitions (run `npm run events-doc` after changing an event)', async () => {
    const committed = await readCommittedEventsDoc();
    expect(committed, 'docs/events.md is missing').toBeDefined();
    expect(committed).toBe(renderEventsDoc());
  });
});
