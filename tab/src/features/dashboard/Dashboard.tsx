import { Card, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, Page, PipelineReport, Stage } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { useI18n } from '../../i18n/i18n.js';
import { TaskList } from '../tasks/MyTasks.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: '12px' },
  row: { display: 'grid', gridTemplateColumns: '140px 1fr max-content', gap: '8px', alignItems: 'center' },
  bar: { height: '14px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  weighted: { height: '14px', backgroundColor: tokens.colorBrandBackground2, borderRadius: tokens.borderRadiusSmall },
});

/**
 * Bar charts drawn with CSS grid: a chart library would add 100+ KB to show a handful of bars
 * per currency, so this stays plain (and readable by screen readers as text).
 */
function Bars({ rows }: { rows: { label: string; value: number; weighted: number; text: string }[] }) {
  const styles = useStyles();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div role="list">
      {rows.map((r) => (
        <div role="listitem" key={r.label} className={styles.row}>
          <Text size={200}>{r.label}</Text>
          <div>
            <div className={styles.bar} style={{ width: `${(100 * r.value) / max}%` }} />
            <div className={styles.weighted} style={{ width: `${(100 * r.weighted) / max}%` }} />
          </div>
          <Text size={200}>{r.text}</Text>
        </div>
      ))}
    </div>
  );
}

export default function Dashboard() {
  const { api, me } = useApp();
  const { t, money, locale, dateTime, month } = useI18n();
  const styles = useStyles();
  const team = me.roles.includes('Manager') || me.roles.includes('Admin');
  const [report, reload] = useLoad(
    async () => {
      const [pipeline, stages] = await Promise.all([api.get<PipelineReport>(`/reports/pipeline?scope=${team ? 'team' : 'mine'}`), api.get<{ items: Stage[] }>('/stages')]);
      return { pipeline, stages: stages.items };
    },
    [team],
  );
  const [recent] = useLoad(() => api.get<Page<Activity>>('/activities?limit=10'), []);
  return (
    <section>
      <Title2 as="h1">{t('navDashboard')}</Title2>
      <div className={styles.grid}>
        <Loaded value={report} reload={reload}>
          {({ pipeline, stages }) => (
            <>
              <Card>
                <Text weight="semibold">{t('dashboardPipeline')}</Text>
                <Bars
                  rows={pipeline.byStage.map((b) => ({
                    label: `${stages.find((s) => s.key === b.stage)?.names[locale] ?? b.stage} · ${b.currency}`,
                    value: b.amountMinor,
                    weighted: b.weightedMinor,
                    text: `${b.count} · ${money(b)} · ${money({ amountMinor: b.weightedMinor, currency: b.currency })}`,
                  }))}
                />
              </Card>
              <Card>
                <Text weight="semibold">{t('dashboardForecast')}</Text>
                <Bars rows={pipeline.byMonth.map((b) => ({ label: `${month(b.month)} · ${b.currency}`, value: b.amountMinor, weighted: b.weightedMinor, text: `${b.count} · ${money(b)}` }))} />
              </Card>
            </>
          )}
        </Loaded>
        <Card>
          <TaskList due="overdue" title="dashboardOverdue" />
        </Card>
        <Card>
          <Text weight="semibold">{t('dashboardRecent')}</Text>
          <Loaded value={recent} isEmpty={(r) => r.items.length === 0}>
            {(r) => (
              <ul>
                {r.items.map((a) => (
                  <li key={a.id}>
                    <Text size={200}>{`${dateTime(a.occurredAt)} · ${a.subject}`}</Text>
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </Card>
      </div>
    </section>
  );
}
