import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Button,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Text,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Me, UserSummary } from '../../../api/src/contract/index.js';
import { createApi } from '../api/client.js';
import { I18nProvider, pickLocale, useI18n, type Locale } from '../i18n/i18n.js';
import { AppCtx, type AppContext } from './context.js';
import { connectM365Host, framedByHost, type Host, type ThemeName } from './host.js';
import { signOut, storedSession } from './dev-sign-in.js';
import { DevSignIn } from './DevSignIn.js';
import { navigate, useRoute } from './router.js';
import { ClientList } from '../features/clients/ClientList.js';

const ClientCard = lazy(() => import('../features/clients/ClientCard.js'));
const PipelineBoard = lazy(() => import('../features/deals/PipelineBoard.js'));
const DealList = lazy(() => import('../features/deals/DealList.js'));
const DealCard = lazy(() => import('../features/deals/DealCard.js'));
const LeadList = lazy(() => import('../features/leads/LeadList.js'));
const MyTasks = lazy(() => import('../features/tasks/MyTasks.js'));
const Dashboard = lazy(() => import('../features/dashboard/Dashboard.js'));
const Settings = lazy(() => import('../features/settings/Settings.js'));
const Configure = lazy(() => import('../features/settings/Configure.js'));

const themes = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  shell: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  // Wraps on narrow hosts (Teams mobile, the Outlook pane width) instead of widening the page.
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '12px', padding: '4px 16px', backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tabs: { flexWrap: 'wrap', maxWidth: '100%' },
  grow: { flexGrow: 1 },
  main: { padding: '16px', maxWidth: '1400px', margin: '0 auto' },
});

export const settingsKeys = { locale: 'crm.locale', theme: 'crm.theme' };

/** Boots the host (Teams or plain browser), signs in, then renders the routed views. */
export function App() {
  const [host, setHost] = useState<Host | null>(null);
  const [hostError, setHostError] = useState<string | null>(null);
  const [devToken, setDevToken] = useState<string | null>(() => storedSession()?.token ?? null);
  const [locale, setLocale] = useState<string | null>(() => localStorage.getItem(settingsKeys.locale));
  const [theme, setTheme] = useState<ThemeName | null>(() => localStorage.getItem(settingsKeys.theme) as ThemeName | null);

  useEffect(() => {
    if (!framedByHost()) return;
    connectM365Host().then(
      (connected) => {
        setHost(connected);
        connected.onThemeChange((next) => setHost((h) => (h ? { ...h, theme: next } : h)));
      },
      (e: Error) => setHostError(e.message),
    );
  }, []);

  const chosenLocale: Locale = pickLocale(locale, host?.locale);
  const chosenTheme = themes[theme ?? host?.theme ?? 'light'];
  const needsDevSignIn = !host && !devToken && (!framedByHost() || hostError);

  return (
    <FluentProvider theme={chosenTheme}>
      <I18nProvider locale={chosenLocale}>
        {needsDevSignIn ? (
          <DevSignIn onSignedIn={setDevToken} />
        ) : host || devToken ? (
          <SignedIn
            getToken={host ? () => host.getToken() : async () => devToken!}
            onUnauthorized={() => {
              signOut();
              setDevToken(null);
            }}
            settings={{ locale, setLocale, theme, setTheme }}
            canSwitchUser={!host}
          />
        ) : (
          <Spinner label="…" />
        )}
      </I18nProvider>
    </FluentProvider>
  );
}

export interface SettingsState {
  locale: string | null;
  setLocale: (l: string | null) => void;
  theme: ThemeName | null;
  setTheme: (t: ThemeName | null) => void;
}

function SignedIn({ getToken, onUnauthorized, settings, canSwitchUser }: { getToken: () => Promise<string>; onUnauthorized: () => void; settings: SettingsState; canSwitchUser: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useMemo(() => createApi(getToken, onUnauthorized), [getToken, onUnauthorized]);
  const [ctx, setCtx] = useState<AppContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.get<Me>('/me'), api.get<{ items: UserSummary[] }>('/users')]).then(
      ([me, users]) => setCtx({ api, me, users: users.items }),
      (e: Error) => setError(e.message),
    );
  }, [api]);
  const route = useRoute();
  if (error) return <Text role="alert">{error}</Text>;
  if (!ctx) return <Spinner label={t('loading')} />;
  const section = route[0] ?? 'clients';
  const navValue = section === 'deals' && route[1] === 'list' ? 'deals/list' : section;
  return (
    <AppCtx.Provider value={ctx}>
      <div className={styles.shell}>
        <nav className={styles.nav} aria-label={t('appName')}>
          <Text weight="semibold">{t('appName')}</Text>
          <TabList className={styles.tabs} selectedValue={navValue} onTabSelect={(_e, d) => navigate(`/${String(d.value)}`)}>
            <Tab value="clients">{t('navClients')}</Tab>
            <Tab value="deals">{t('navPipeline')}</Tab>
            <Tab value="deals/list">{t('navDeals')}</Tab>
            <Tab value="leads">{t('navLeads')}</Tab>
            <Tab value="tasks">{t('navTasks')}</Tab>
            <Tab value="dashboard">{t('navDashboard')}</Tab>
            <Tab value="settings">{t('navSettings')}</Tab>
          </TabList>
          <span className={styles.grow} />
          <Text size={200}>{ctx.me.name}</Text>
          {canSwitchUser && (
            <Button size="small" onClick={onUnauthorized}>
              {t('signOut')}
            </Button>
          )}
        </nav>
        <main className={styles.main}>
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <Route parts={route} settings={settings} />
          </Suspense>
        </main>
      </div>
    </AppCtx.Provider>
  );
}

function Route({ parts, settings }: { parts: string[]; settings: SettingsState }) {
  const [section, id] = parts;
  switch (section) {
    case undefined:
    case 'clients':
      return id ? <ClientCard id={id} /> : <ClientList />;
    case 'deals':
      if (id === 'list') return <DealList />;
      return id ? <DealCard id={id} /> : <PipelineBoard />;
    case 'leads':
      return <LeadList />;
    case 'tasks':
      return <MyTasks />;
    case 'dashboard':
      return <Dashboard />;
    case 'settings':
      return <Settings settings={settings} />;
    case 'configure':
      return <Configure />;
    default:
      return <ClientList />;
  }
}
