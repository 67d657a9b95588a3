import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';

/** A dozen lines of history-API routing: the app has a handful of pages, not worth a router package. */
interface Route {
  path: string;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const Context = createContext<Route | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const value = useMemo<Route>(
    () => ({
      path,
      navigate: (to, options) => {
        if (options?.replace) window.history.replaceState(null, '', to);
        else window.history.pushState(null, '', to);
        setPath(window.location.pathname);
        window.scrollTo(0, 0);
      },
    }),
    [path],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useRoute(): Route {
  const route = useContext(Context);
  if (!route) throw new Error('useRoute outside RouterProvider');
  return route;
}

/** A real link (opens in a new tab with a middle click), routed in the page otherwise. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const { navigate } = useRoute();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick}>
      {children}
    </a>
  );
}
