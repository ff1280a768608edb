import { z } from 'zod';
import { defineEvent } from './event-definition.js';

/** Events of the platform's own tests: the platform knows no module's events. */
export const testEvents = {
  Counted: defineEvent({
    type: 'Counted',
    version: 1,
    description: 'Platform tests only.',
    payload: z.object({ n: z.int().optional() }),
  }),
  Named: defineEvent({
    type: 'Named',
    version: 1,
    description: 'Platform tests only.',
    payload: z.object({ name: z.string().min(1) }),
  }),
} as const;
