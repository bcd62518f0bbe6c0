import { Field, Radio, RadioGroup, Title2 } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n.js';
import { settingsKeys, type SettingsState } from '../../app/App.js';

const languageNames = { en: 'English', cs: 'Čeština', pl: 'Polski', ro: 'Română' };

export default function Settings({ settings }: { settings: SettingsState }) {
  const { t } = useI18n();
  const remember = (key: string, value: string | null) => (value ? localStorage.setItem(key, value) : localStorage.removeItem(key));
  return (
    <section>
      <Title2 as="h1">{t('navSettings')}</Title2>
      <Field label={t('language')}>
        <RadioGroup
          value={settings.locale ?? 'auto'}
          onChange={(_e, d) => {
            const value = d.value === 'auto' ? null : d.value;
            remember(settingsKeys.locale, value);
            settings.setLocale(value);
          }}
        >
          <Radio value="auto" label={t('languageAuto')} />
          {Object.entries(languageNames).map(([code, name]) => (
            <Radio key={code} value={code} label={name} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('theme')}>
        <RadioGroup
          value={settings.theme ?? 'auto'}
          onChange={(_e, d) => {
            const value = d.value === 'auto' ? null : (d.value as 'light' | 'dark' | 'contrast');
            remember(settingsKeys.theme, value);
            settings.setTheme(value);
          }}
        >
          <Radio value="auto" label={t('themeAuto')} />
          <Radio value="light" label={t('themeLight')} />
          <Radio value="dark" label={t('themeDark')} />
          <Radio value="contrast" label={t('themeContrast')} />
        </RadioGroup>
      </Field>
    </section>
  );
}
