import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffOverview } from '../api/get-staff-overview';

type Tone = 'act' | 'calm' | 'warn' | 'alert';

const toneClasses: Record<Tone, string> = {
  act: 'border-ai-700/40 bg-white text-ai-900',
  // Sold out is a fact to act on, not an alarm: grey, as the stock badges show it; running low is amber.
  calm: 'border-sumi-500/40 bg-sumi-100 text-sumi-800',
  warn: 'border-kohaku-700/40 bg-kohaku-100 text-kohaku-900',
  alert: 'border-shu-600/40 bg-white text-shu-700',
};

/**
 * What needs doing now, as counts that open the list behind them. A count of
 * zero is shown calmly (grey, "none"), so a glance tells a busy day from a quiet one.
 */
export function OverviewCounts({ overview }: { overview: StaffOverview }) {
  const { t } = useTranslation();
  const cards: { id: string; to: string; count: number; more?: boolean; tone: Tone }[] = [
    { id: 'ordersToPack', to: '/admin/orders?state=confirmed', count: overview.ordersToPack, tone: 'act' },
    { id: 'soldOut', to: '/admin/stock/low', count: overview.stock.soldOut, tone: 'calm' },
    { id: 'lowStock', to: '/admin/stock/low', count: overview.stock.low, tone: 'warn' },
    {
      id: 'deadLetters',
      to: '/admin/dead-letters',
      count: overview.deadLetters.count,
      more: overview.deadLetters.more,
      tone: 'alert',
    },
  ];
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((card) => {
        const quiet = card.count === 0;
        return (
          <li key={card.id}>
            <Link
              to={card.to}
              data-count={card.id}
              className={`flex h-full flex-col rounded-lg border p-4 hover:border-ai-700 ${quiet ? 'border-washi-300 bg-white text-sumi-600' : toneClasses[card.tone]}`}
            >
              <span className="text-sm font-semibold">{t(`staffHome.${card.id}.label`)}</span>
              <span className="mt-1 text-3xl font-semibold tabular-nums">
                {t('staffHome.count', { count: card.count, plus: card.more ? '+' : '' })}
              </span>
              <span className="mt-1 text-xs text-sumi-600">
                {quiet ? t(`staffHome.${card.id}.none`) : t(`staffHome.${card.id}.hint`)}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
