import { useState } from 'react';
import { Card, Link, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal, DealTotals, Stage } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { href } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { DealCreateDialog } from './DealCreateDialog.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
  board: { display: 'grid', gridAutoFlow: 'column', gridAutoColumns: 'minmax(220px, 1fr)', gap: '12px', overflowX: 'auto', marginTop: '12px' },
  column: { backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, padding: '8px', minHeight: '240px', display: 'grid', alignContent: 'start', gap: '8px' },
  over: { outline: `2px dashed ${tokens.colorBrandStroke1}` },
  card: { cursor: 'grab' },
  // Neutral text keeps 4.5:1 contrast on a hovered card in every theme (brand link colour does not in dark).
  title: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Open deals by stage. Drag a card to another column, or focus it and press ← / →. */
export default function PipelineBoard() {
  const { api } = useApp();
  const { t, locale, money } = useI18n();
  const styles = useStyles();
  const [data, reload] = useLoad(
    async () => {
      const [stages, deals] = await Promise.all([api.get<{ items: Stage[] }>('/stages'), api.get<{ items: Deal[]; totals: DealTotals }>('/deals?view=open&limit=200')]);
      return { stages: stages.items.filter((s) => !s.retired), deals: deals.items };
    },
    [],
  );
  const [over, setOver] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const move = async (deal: Deal, stage: Stage) => {
    if (deal.stage === stage.key) return;
    try {
      await api.post(`/deals/${deal.id}/stage`, { stage: stage.key });
      setStatus(t('movedTo', { stage: stage.names[locale] }));
    } catch (e) {
      setStatus(e instanceof ApiError ? e.detail : String(e));
    }
    reload();
  };
  return (
    <section>
      <div className={styles.head}>
        <Title2 as="h1">{t('navPipeline')}</Title2>
        <DealCreateDialog onCreated={reload} />
        <Text size={200} className={styles.hint}>
          {t('moveHint')}
        </Text>
      </div>
      <div role="status" aria-live="polite">
        {status}
      </div>
      <Loaded value={data} reload={reload}>
        {({ stages, deals }) => (
          <div className={styles.board}>
            {stages.map((stage, i) => (
              <section
                key={stage.key}
                aria-label={stage.names[locale]}
                data-stage={stage.key}
                className={`${styles.column} ${over === stage.key ? styles.over : ''}`}
                onDragOver={(e) => {
                  e.preventDefault();
                  setOver(stage.key);
                }}
                onDragLeave={() => setOver(null)}
                onDrop={(e) => {
                  e.preventDefault();
                  setOver(null);
                  const deal = deals.find((d) => d.id === e.dataTransfer.getData('text/plain'));
                  if (deal) void move(deal, stage);
                }}
              >
                <Text weight="semibold">{`${stage.names[locale]} (${deals.filter((d) => d.stage === stage.key).length})`}</Text>
                {deals
                  .filter((d) => d.stage === stage.key)
                  .map((deal) => (
                    <Card
                      key={deal.id}
                      className={styles.card}
                      draggable
                      tabIndex={0}
                      data-deal={deal.id}
                      aria-label={`${deal.title}, ${deal.clientName}, ${stage.names[locale]}`}
                      onDragStart={(e) => e.dataTransfer.setData('text/plain', deal.id)}
                      onKeyDown={(e) => {
                        const target = e.key === 'ArrowRight' ? stages[i + 1] : e.key === 'ArrowLeft' ? stages[i - 1] : undefined;
                        if (target) {
                          e.preventDefault();
                          void move(deal, target);
                        }
                      }}
                    >
                      <Link className={styles.title} href={href(`/deals/${deal.id}`)}>
                        {deal.title}
                      </Link>
                      <Text size={200}>{deal.clientName}</Text>
                      <Text size={200}>{money(deal.estimatedValue)}</Text>
                    </Card>
                  ))}
              </section>
            ))}
          </div>
        )}
      </Loaded>
    </section>
  );
}
