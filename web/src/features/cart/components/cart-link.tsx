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
      className="flex items-center gap-1 rounded px-1 py-1 text-sm underline-offset-4 hover:underline aria-[current=page]:underline"
    >
      {/* named by what it shows (カート 2 点), so speech users can say what they see (WCAG 2.5.3) */}
      <span>{t('cart.title')}</span>
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
