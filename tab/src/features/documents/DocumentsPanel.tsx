import { Card, Text } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n.js';

/** The client's documents. The document store (SharePoint or local disk) is not connected yet. */
export function DocumentsPanel(_props: { clientId: string }) {
  const { t } = useI18n();
  return (
    <Card>
      <Text weight="semibold">{t('documents')}</Text>
      <Text italic>{t('documentsEmpty')}</Text>
    </Card>
  );
}
