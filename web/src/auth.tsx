import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onAuthChange, post, refresh, setAccessToken } from './api';
import type { Me, Role, SignIn } from './types';

interface Auth {
  /** undefined while the start-up refresh runs; null when signed out. */
  user: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  reloadMe: () => Promise<void>;
  can: (...roles: Role[]) => boolean;
}

const Context = createContext<Auth | null>(null);

/** Admin may do everything; otherwise any one of the roles. */
export const mayAct = (user: Me | null | undefined, roles: Role[]) =>
  !!user && (roles.length === 0 || user.roles.includes('admin') || roles.some((r) => user.roles.includes(r)));

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    onAuthChange({ signedOut: () => setUser(null), refreshed: (s: SignIn) => setUser(s.user) });
    // A reload keeps the sign-in: the session cookie gives a new access token.
    void refresh().then((signIn) => setUser(signIn?.user ?? null));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await post<SignIn>('/api/auth/login', { username, password });
    setAccessToken(result.accessToken);
    setUser(result.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await post('/api/auth/logout');
    } finally {
      setAccessToken(null);
      setUser(null);
    }
  }, []);

  const reloadMe = useCallback(async () => setUser(await api<Me>('GET', '/api/auth/me')), []);

  const value = useMemo<Auth>(
    () => ({ user, signIn, signOut, reloadMe, can: (...roles) => mayAct(user, roles) }),
    [user, signIn, signOut, reloadMe],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(Context);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
