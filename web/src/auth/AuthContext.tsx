// Who is logged in: loads `/api/auth/me` once, keeps the CSRF token for the API client,
// and sends the user back to the login page when the session ends.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, dropPrefetched, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { auth, firstScreen } from '../api/endpoints';
import type { Me } from '../api/types';

interface AuthState {
  user: Me | null;
  /** True until the first `/auth/me` answers. */
  checking: boolean;
  /** Set when the server could not be reached at start-up. */
  startupError: unknown;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  // The answer boot.ts prefetched, when it has arrived: the first render then knows the user.
  const [known] = useState(() => {
    const answer = firstScreen.me().peek();
    if (answer) setCsrfToken(answer.csrfToken);
    return answer;
  });
  const [user, setUser] = useState<Me | null>(known?.user ?? null);
  const [checking, setChecking] = useState(!known);
  const [startupError, setStartupError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (known && attempt === 0) return;
    let live = true;
    setChecking(true);
    auth
      .me()
      .then((answer) => {
        if (!live) return;
        setCsrfToken(answer.csrfToken);
        setUser(answer.user);
        setStartupError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setUser(null);
        setStartupError(e instanceof ApiError && e.status === 401 ? null : e);
      })
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [attempt, known]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    dropPrefetched();
    const answer = await auth.login(username, password);
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
    setStartupError(null);
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      dropPrefetched();
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  const value = useMemo(
    () => ({ user, checking, startupError, login, logout, retry }),
    [user, checking, startupError, login, logout, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The logged-in user; only for components rendered behind the login guard. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a user');
  return user;
}
