import { Checkbox, Link, Text, Title3, Title2, makeStyles } from '@fluentui/react-components';
import type { Activity } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { href } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/en.js';

const useStyles = makeStyles({ list: { listStyleType: 'none', padding: 0, display: 'grid', gap: '4px' } });

export function TaskList({ due, title }: { due: 'overdue' | 'today' | 'week'; title: MessageKey }) {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [tasks, reload] = useLoad(() => api.get<{ items: Activity[] }>(`/activities?assignee=me&type=task&due=${due}`), [due]);
  return (
    <section>
      <Title3 as="h2">{t(title)}</Title3>
      <Loaded value={tasks} reload={reload} isEmpty={(l) => l.items.length === 0}>
        {(l) => (
          <ul className={styles.list}>
            {l.items.map((task) => (
              <li key={task.id}>
                <Checkbox label={`${task.subject} (${dateTime(task.dueAt)})`} onChange={() => api.post(`/activities/${task.id}/complete`).then(reload)} aria-label={`${t('done')}: ${task.subject}`} />{' '}
                <Link href={href(`/clients/${task.clientId}`)}>
                  <Text size={200}>{t('client')}</Text>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

export default function MyTasks() {
  const { t } = useI18n();
  return (
    <section>
      <Title2 as="h1">{t('navTasks')}</Title2>
      <TaskList due="overdue" title="tasksOverdue" />
      <TaskList due="today" title="tasksToday" />
      <TaskList due="week" title="tasksWeek" />
    </section>
  );
}
