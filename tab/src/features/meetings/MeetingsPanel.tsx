import { Card, Text } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n.js';

/** The client's meetings. Calendar meetings through Microsoft Graph are not connected yet. */
export function MeetingsPanel(_props: { clientId: string }) {
  const { t } = useI18n();
  return (
    <Card>
      <Text weight="semibold">{t('meetings')}</Text>
      <Text italic>{t('meetingsEmpty')}</Text>
    </Card>
  );
}
