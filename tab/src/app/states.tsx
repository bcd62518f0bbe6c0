import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { Loadable } from './context.js';

/** Loading, error and empty states for every list and card, in one place. */
export function Loaded<T>({ value, reload, children, isEmpty }: { value: Loadable<T>; reload?: () => void; isEmpty?: (data: T) => boolean; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (value.state === 'loading') return <Spinner size="small" label={t('loading')} />;
  if (value.state === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
          {value.error.message}
          {reload && (
            <Button appearance="transparent" onClick={reload}>
              {t('retry')}
            </Button>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (isEmpty?.(value.data)) return <Text italic>{t('empty')}</Text>;
  return <>{children(value.data)}</>;
}
