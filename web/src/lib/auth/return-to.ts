/**
 * Where to go after signing in. Only paths inside the app are accepted, so a
 * crafted `state` cannot send the user to another site.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  if (value.startsWith('/auth/')) return fallback; // never back into the callback
  return value;
}

export type SignInState = { returnTo: string };

export function readSignInState(state: unknown): SignInState {
  const returnTo = typeof state === 'object' && state !== null && 'returnTo' in state ? state.returnTo : undefined;
  return { returnTo: safeReturnTo(returnTo) };
}
