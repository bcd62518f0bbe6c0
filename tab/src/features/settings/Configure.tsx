import { useEffect, useState } from 'react';
import { Radio, RadioGroup, Title2 } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n.js';
import { framedByHost } from '../../app/host.js';

/**
 * The channel/chat tab's configuration page: the team pins the pipeline (or, from a client
 * card's deep link, one client). Inside Teams it registers the content URL with the host.
 */
export default function Configure() {
  const { t } = useI18n();
  const [choice, setChoice] = useState('deals');
  useEffect(() => {
    if (!framedByHost()) return;
    void import('@microsoft/teams-js').then(({ pages }) => {
      pages.config.registerOnSaveHandler((save) => {
        void pages.config.setConfig({ contentUrl: `${location.origin}/tab/#/${choice}`, entityId: `crm-${choice}`, suggestedDisplayName: 'CRM' }).then(() => save.notifySuccess());
      });
      pages.config.setValidityState(true);
    });
  }, [choice]);
  return (
    <section>
      <Title2 as="h1">{t('configureTitle')}</Title2>
      <RadioGroup value={choice} onChange={(_e, d) => setChoice(d.value)} aria-label={t('configureTitle')}>
        <Radio value="deals" label={t('configurePipeline')} />
        <Radio value="clients" label={t('navClients')} />
      </RadioGroup>
    </section>
  );
}
