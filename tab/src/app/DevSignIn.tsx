import { useEffect, useState } from 'react';
import { Button, Card, CardHeader, Spinner, Text, Title2, makeStyles } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n.js';
import { demoUsers, signInAs, type DemoUser } from './dev-sign-in.js';

const useStyles = makeStyles({ page: { maxWidth: '560px', margin: '48px auto', display: 'grid', gap: '12px', padding: '0 16px' } });

export function DevSignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    demoUsers().then(setUsers, (e: Error) => setError(e.message));
  }, []);
  return (
    <main className={styles.page}>
      <Title2 as="h1">{t('signInTitle')}</Title2>
      <Text>{t('signInIntro')}</Text>
      {error && <Text role="alert">{error}</Text>}
      {!users && !error && <Spinner label={t('loading')} />}
      {users?.map((u) => (
        <Card key={u.userId}>
          <CardHeader
            header={<Text weight="semibold">{u.name}</Text>}
            description={<Text size={200}>{`${u.roles.join(', ')} · ${u.email}`}</Text>}
            action={
              <Button appearance="primary" onClick={() => signInAs(u).then(onSignedIn, (e: Error) => setError(e.message))}>
                {t('signInTitle')}: {u.name}
              </Button>
            }
          />
        </Card>
      ))}
    </main>
  );
}
