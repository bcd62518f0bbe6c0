import { useEffect, useState } from 'react';
import { Field, Radio, RadioGroup, Text, Title2, makeStyles } from '@fluentui/react-components';
import type { Client } from '../../../../api/src/contract/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { framedByHost } from '../../app/host.js';
import { ClientPicker } from '../clients/ClientPicker.js';

const useStyles = makeStyles({ page: { display: 'grid', gap: '12px', maxWidth: '480px' } });

type Choice = 'deals' | 'clients' | 'client';

/**
 * The channel/chat tab's configuration page: the team pins the pipeline, the client list or one
 * client's card. Inside Teams it tells the host the content URL (a deep link of this tab) and
 * allows Save only once a complete choice is made.
 */
export default function Configure() {
  const { t } = useI18n();
  const styles = useStyles();
  const [choice, setChoice] = useState<Choice>('deals');
  const [client, setClient] = useState<Client | null>(null);
  const route = choice === 'client' ? (client ? `clients/${client.id}` : null) : choice;
  useEffect(() => {
    if (!framedByHost()) return;
    void import('@microsoft/teams-js').then(({ pages }) => {
      pages.config.setValidityState(route !== null);
      if (route === null) return;
      pages.config.registerOnSaveHandler((save) => {
        const name = choice === 'client' && client ? client.name : 'CRM';
        pages.config
          .setConfig({ contentUrl: `${location.origin}/tab/#/${route}`, websiteUrl: `${location.origin}/tab/#/${route}`, entityId: `crm-${route.replace('/', '-')}`, suggestedDisplayName: name })
          .then(() => save.notifySuccess(), (e: Error) => save.notifyFailure(e.message));
      });
    });
  }, [route, choice, client]);
  return (
    <section className={styles.page}>
      <Title2 as="h1">{t('configureTitle')}</Title2>
      <RadioGroup value={choice} onChange={(_e, d) => setChoice(d.value as Choice)} aria-label={t('configureTitle')}>
        <Radio value="deals" label={t('configurePipeline')} />
        <Radio value="clients" label={t('navClients')} />
        <Radio value="client" label={t('configureClient')} />
      </RadioGroup>
      {choice === 'client' && (
        <Field label={t('client')} required>
          <ClientPicker onPick={setClient} />
        </Field>
      )}
      {route && <Text size={200}>{`${location.origin}/tab/#/${route}`}</Text>}
    </section>
  );
}
