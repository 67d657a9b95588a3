import {
  App as AntApp,
  Button,
  ConfigProvider,
  Dropdown,
  Grid,
  Layout,
  Menu,
  Result,
  Segmented,
  Spin,
  Typography,
} from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useEffect, type ReactNode } from 'react';
import { AuthProvider, mayAct, useAuth } from './auth';
import { dayjs } from './format';
import { LangProvider, useLang, type Lang } from './i18n';
import { AccountsPage } from './pages/AccountsPage';
import { CatalogPage } from './pages/CatalogPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { ExemplarsPage } from './pages/ExemplarsPage';
import { OnAirPage } from './pages/OnAirPage';
import { ReportagePage } from './pages/ReportagePage';
import { ReportsPage } from './pages/ReportsPage';
import { SchedulePage } from './pages/SchedulePage';
import { SignInPage } from './pages/SignInPage';
import { StationsPage } from './pages/StationsPage';
import { ServerEvents } from './queries';
import { RouterProvider, useRoute } from './router';
import type { Role } from './types';

export function App() {
  return (
    <LangProvider>
      <Localized>
        <AntApp>
          <RouterProvider>
            <AuthProvider>
              <Shell />
            </AuthProvider>
          </RouterProvider>
        </AntApp>
      </Localized>
    </LangProvider>
  );
}

/** antd's Vietnamese, with the date fields' placeholder as officers say it ("Chọn thời điểm" → "Chọn ngày"). */
const vi: typeof viVN = {
  ...viVN,
  DatePicker: viVN.DatePicker && {
    ...viVN.DatePicker,
    lang: { ...viVN.DatePicker.lang, placeholder: 'Chọn ngày', rangePlaceholder: ['Từ ngày', 'Đến ngày'] },
  },
};

function Localized({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  useEffect(() => {
    dayjs.locale(lang);
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'vi' ? vi : enUS}
      // Narrower menu items: an admin's eight screens fit one line on a 1366 px laptop.
      theme={{ token: { colorPrimary: '#b4232a' }, components: { Menu: { itemPaddingInline: 12 } } }}
    >
      {children}
    </ConfigProvider>
  );
}

/**
 * The menu lists only what the account's roles allow (admin sees all). The schedule is the
 * schedulers' screen, on air the operators'; reports are counts, which every account may read.
 */
interface Screen {
  key: string;
  path: string;
  label:
    | 'menu.catalog'
    | 'menu.exemplars'
    | 'menu.newReportage'
    | 'menu.accounts'
    | 'menu.schedule'
    | 'menu.stations'
    | 'menu.onAir'
    | 'menu.reports';
  roles: Role[];
}

const SCREENS: Screen[] = [
  { key: 'catalog', path: '/reportages', label: 'menu.catalog', roles: [] },
  { key: 'new', path: '/reportages/new', label: 'menu.newReportage', roles: ['editor'] },
  { key: 'exemplars', path: '/exemplars', label: 'menu.exemplars', roles: [] },
  { key: 'schedule', path: '/schedule', label: 'menu.schedule', roles: ['scheduler'] },
  { key: 'on-air', path: '/on-air', label: 'menu.onAir', roles: ['operator'] },
  { key: 'reports', path: '/reports', label: 'menu.reports', roles: [] },
  { key: 'accounts', path: '/accounts', label: 'menu.accounts', roles: ['admin'] },
  { key: 'stations', path: '/stations', label: 'menu.stations', roles: ['admin', 'scheduler', 'operator'] },
];

function LanguageSwitch() {
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
      aria-label="Ngôn ngữ / Language"
    />
  );
}

function Shell() {
  const { user, signOut } = useAuth();
  const { t } = useLang();
  const { path, navigate } = useRoute();
  const screens = Grid.useBreakpoint();

  useEffect(() => {
    if (user === null && path !== '/sign-in') navigate('/sign-in', { replace: true });
    if (user && path === '/sign-in') navigate('/reportages', { replace: true });
    if (user && path === '/') navigate('/reportages', { replace: true });
  }, [user, path, navigate]);

  if (user === undefined)
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  if (user === null) return <SignInPage extra={<LanguageSwitch />} />;
  if (user.mustChangePassword) return <ChangePasswordPage forced extra={<LanguageSwitch />} />;

  const allowed = SCREENS.filter((s) => mayAct(user, s.roles));
  const selected =
    allowed.find((s) => s.path === path)?.key ?? (path.startsWith('/reportages') ? 'catalog' : path.slice(1));
  const narrow = !screens.md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ServerEvents userId={user.id} />
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: narrow ? 12 : 24,
          background: '#7f1d1d',
        }}
      >
        {!narrow && (
          <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap', fontSize: 16 }}>
            {t('appName')}
            {screens.xxl && <span style={{ fontWeight: 400, opacity: 0.8 }}> · {t('column')}</span>}
          </Typography.Text>
        )}
        <nav aria-label="menu" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selected]}
            style={{ background: 'transparent', minWidth: 0 }}
            items={allowed.map((s) => ({
              key: s.key,
              label: (
                <a
                  href={s.path}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(s.path);
                  }}
                >
                  {t(s.label)}
                </a>
              ),
            }))}
          />
        </nav>
        <LanguageSwitch />
        {/* Opens on click (Enter or Space from the keyboard), not on hover. */}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', label: t('menu.password'), onClick: () => navigate('/password') },
              { key: 'signout', label: t('menu.signOut'), onClick: () => void signOut() },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff' }} aria-label={user.displayName}>
            {narrow ? user.username : user.displayName}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content style={{ padding: narrow ? 8 : 24, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <main>
          <Page path={path} />
        </main>
      </Layout.Content>
    </Layout>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useLang();
  const { can } = useAuth();
  if (path === '/reportages' || path === '/') return <CatalogPage />;
  if (path === '/exemplars') return <ExemplarsPage />;
  if (path === '/password') return <ChangePasswordPage />;
  if (path === '/schedule') return <SchedulePage />;
  if (path === '/stations') return <StationsPage />;
  if (path === '/accounts')
    return can('admin') ? <AccountsPage /> : <Result status="403" title={t('forbidden')} />;
  if (path === '/on-air')
    return can('operator') ? <OnAirPage /> : <Result status="403" title={t('forbidden')} />;
  if (path === '/reports') return <ReportsPage />;
  if (path === '/reportages/new')
    return can('editor') ? <ReportagePage id={null} /> : <Result status="403" title={t('forbidden')} />;
  const match = /^\/reportages\/(\d+)$/.exec(path);
  if (match) return <ReportagePage key={match[1]} id={Number(match[1])} />;
  return <Result status="404" title={t('notFound')} />;
}
