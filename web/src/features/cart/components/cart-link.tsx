import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAuth } from '@/lib/auth/use-auth';
import { useGuestCartLines } from '../api/change-cart';
import { useServerCart } from '../api/get-cart';
import { useMergeGuestCartOnSignIn } from '../api/merge-cart';

/**
 * The header's cart link with the number of units in the cart. It is on every
 * page, so it is also where a guest cart moves into the user's cart on sign-in.
 */
export function CartLink() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const guestLines = useGuestCartLines();
  useMergeGuestCartOnSignIn(guestLines.length);
  const serverCart = useServerCart();
  const lines = status === 'signedIn' ? (serverCart.data?.lines ?? []) : guestLines;
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <NavLink
      to="/cart"
      className="flex items-center gap-1 whitespace-nowrap rounded px-1 py-1 text-sm underline-offset-4 hover:underline aria-[current=page]:underline"
    >
      {/* named by what it shows (カート 2 点), so speech users can say what they see (WCAG 2.5.3) */}
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 sm:hidden" fill="currentColor">
        <path d="M1 2h2.2l1.6 8h8l1.6-6H4.6l-.4-2H1z" />
        <circle cx="6" cy="13.5" r="1.3" />
        <circle cx="12" cy="13.5" r="1.3" />
      </svg>
      <span className="max-sm:sr-only">{t('cart.title')}</span>
      <span
        data-testid="cart-count"
        className="min-w-6 rounded-full bg-washi-50 px-1.5 text-center text-xs font-semibold tabular-nums text-ai-900"
      >
        {count}
      </span>
      <span className="sr-only">{t('cart.linkUnit', { count })}</span>
    </NavLink>
  );
}
