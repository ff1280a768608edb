import type { KuraStacks } from './app.ts';

/** Every acknowledged cdk-nag / validation finding, each with the reason it is accepted. */
export function acknowledgeFindings(_stacks: KuraStacks): void {}
