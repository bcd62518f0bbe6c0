import { useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, Title3 } from '@fluentui/react-components';
import type { FilingIntent } from '../../api/src/contract/index.js';
import type { Api } from '../../tab/src/api/client.js';
import { useI18n } from '../../tab/src/i18n/i18n.js';
import { addressesOf } from './filing-request.js';
import { FilingTargetFields, useFilingTargets } from './FilingTargets.js';
import { saveDraft, type Draft } from './mail-item.js';
import { PaneStatus, problemText, usePaneStyles, type Status } from './PaneStatus.js';

/**
 * A message being written: choose the client (deal, contacts) it goes to. A draft has no internet
 * message id, so the choice is kept by conversation id and used when the sent message is opened.
 */
export function ComposePane({ api, draft }: { api: Api; draft: Draft }) {
  const styles = usePaneStyles();
  const { t } = useI18n();
  const targets = useFilingTargets(api, addressesOf(draft));
  const [conversationId, setConversationId] = useState(draft.conversationId);
  const [intent, setIntent] = useState<FilingIntent | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    if (draft.conversationId) void api.get<{ intent: FilingIntent | null }>(`/emails/intents?conversationId=${encodeURIComponent(draft.conversationId)}`).then((r) => setIntent(r.intent));
  }, [api, draft.conversationId]);

  const choose = async () => {
    if (!targets.targets) return;
    setStatus({ kind: 'busy', message: t('loading') });
    try {
      const conversation = conversationId ?? (await saveDraft());
      if (!conversation) return setStatus({ kind: 'error', message: t('paneNoConversation') });
      setConversationId(conversation);
      setIntent(await api.post<FilingIntent>('/emails/intents', { conversationId: conversation, subject: draft.subject, ...targets.targets }));
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', message: problemText(e) });
    }
  };
  const drop = async () => {
    if (!intent) return;
    try {
      await api.del(`/emails/intents/${intent.id}`);
      setIntent(null);
      setStatus({ kind: 'done', message: t('paneWontFile') });
    } catch (e) {
      setStatus({ kind: 'error', message: problemText(e) });
    }
  };
  return (
    <main className={styles.pane}>
      <Title3 as="h1">{t('paneTitle')}</Title3>
      <Text weight="semibold">{draft.subject || t('paneNoSubject')}</Text>
      <Text size={200}>{t('paneComposeIntro')}</Text>
      {intent && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('paneWillFile', { client: intent.clientName })}{' '}
            <Button size="small" appearance="subtle" onClick={() => void drop()}>
              {t('paneDontFile')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <FilingTargetFields state={targets} />
      <Button appearance="primary" disabled={!targets.targets || status.kind === 'busy'} onClick={() => void choose()}>
        {t('paneFileOnceSent')}
      </Button>
      <PaneStatus status={status} />
    </main>
  );
}
