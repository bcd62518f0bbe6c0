import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, Spinner, Text, teamsLightTheme } from '@fluentui/react-components';
import { createApi, type Api } from '../../tab/src/api/client.js';
import { signOut, storedSession } from '../../tab/src/app/dev-sign-in.js';
import { DevSignIn } from '../../tab/src/app/DevSignIn.js';
import { I18nProvider, pickLocale, useI18n } from '../../tab/src/i18n/i18n.js';
import { ComposePane } from './ComposePane.js';
import { itemMode, readDraft, readItem, type Draft } from './mail-item.js';
import { ReadPane } from './ReadPane.js';
import { outlookTokenGetter } from './sign-in.js';
import { usePaneStyles } from './PaneStatus.js';

export function Pane({ inOutlook }: { inOutlook: boolean }) {
  const [devToken, setDevToken] = useState<string | null>(() => storedSession()?.token ?? null);
  const [naa, setNaa] = useState<{ getToken: (() => Promise<string>) | null } | null>(inOutlook ? null : { getToken: null });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (inOutlook) outlookTokenGetter().then((getToken) => setNaa({ getToken }), (e: Error) => setError(e.message));
  }, [inOutlook]);
  const needsDevSignIn = naa !== null && !naa.getToken && !devToken;
  const api = useMemo(() => {
    const getToken = naa?.getToken ?? (devToken ? async () => devToken : null);
    return (
      getToken &&
      createApi(getToken, () => {
        signOut();
        setDevToken(null);
      })
    );
  }, [naa, devToken]);
  const locale = pickLocale(null, typeof Office === 'undefined' ? null : Office.context?.displayLanguage);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={locale}>
        {error && <Text role="alert">{error}</Text>}
        {needsDevSignIn ? <DevSignIn onSignedIn={setDevToken} /> : api ? <CurrentItem api={api} /> : <SigningIn />}
      </I18nProvider>
    </FluentProvider>
  );
}

function SigningIn() {
  return <Spinner label={useI18n().t('paneSigningIn')} />;
}

/** The open message, read again whenever the user moves to another one while the pane is pinned. */
function CurrentItem({ api }: { api: Api }) {
  const styles = usePaneStyles();
  const { t } = useI18n();
  const [current, setCurrent] = useState(() => openItem(0));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const mailbox = Office.context?.mailbox;
    if (!mailbox?.addHandlerAsync) return;
    mailbox.addHandlerAsync(Office.EventType.ItemChanged, () => setCurrent((c) => openItem(c.generation + 1)));
    return () => mailbox.removeHandlerAsync?.(Office.EventType.ItemChanged);
  }, []);
  useEffect(() => {
    setDraft(null);
    if (current.mode === 'compose') readDraft().then(setDraft, (e: Error) => setError(e.message));
  }, [current]);

  const { generation, mode, item } = current;
  if (error) return <Text role="alert" className={styles.pane}>{error}</Text>;
  if (mode === 'read' && item) return <ReadPane key={generation} api={api} item={item} />;
  if (mode === 'read') return <Text role="alert" className={styles.pane}>{t('paneCannotFile')}</Text>;
  if (mode === 'compose') return draft ? <ComposePane key={generation} api={api} draft={draft} /> : <Spinner />;
  return <Text className={styles.pane}>{t('paneNoItem')}</Text>;
}

function openItem(generation: number) {
  const mode = itemMode();
  return { generation, mode, item: mode === 'read' ? readItem() : null };
}
