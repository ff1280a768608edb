import { useSyncExternalStore } from 'react';
import { type AuthSnapshot, auth } from './auth';

export function useAuth(): AuthSnapshot {
  return useSyncExternalStore(auth.subscribe, auth.getSnapshot);
}
