import type { ReactNode } from 'react';

/**
 * The back office's and the shop's one status pill. Tones carry meaning, not colour: `good` is
 * available or done, `attention` asks a human to look soon, `calm` is an end state that needs
 * nothing (sold out, cancelled), `outline` is set aside (archived), `failed` went wrong, `neutral`
 * is finished history.
 */
export type StatusTone = 'good' | 'attention' | 'calm' | 'outline' | 'failed' | 'neutral';

const toneClasses: Record<StatusTone, string> = {
  good: 'bg-matsu-100 text-matsu-800 ring-matsu-700/30',
  attention: 'bg-kohaku-100 text-kohaku-900 ring-kohaku-700/40',
  calm: 'bg-sumi-100 text-sumi-700 ring-sumi-500/40',
  outline: 'bg-white text-sumi-600 ring-sumi-400/50',
  failed: 'bg-white text-shu-700 ring-shu-600/50',
  neutral: 'bg-washi-100 text-sumi-800 ring-sumi-500/40',
};

/** Stock availability as every view draws it, shop and back office: sold out is calm grey, running low amber. */
export const availabilityTone: Record<'in_stock' | 'low_stock' | 'sold_out', StatusTone> = {
  in_stock: 'good',
  low_stock: 'attention',
  sold_out: 'calm',
};

export function StatusPill({
  tone,
  children,
  ...data
}: { tone: StatusTone; children: ReactNode } & { [key: `data-${string}`]: string }) {
  return (
    <span
      {...data}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${toneClasses[tone]}`}
    >
      {children}
    </span>
  );
}
