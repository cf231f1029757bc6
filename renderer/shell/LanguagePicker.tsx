import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type LanguageCode } from '../i18n';

/** The language switcher: each language named in itself, so anyone can find theirs. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <Field label={t('app.language')} orientation="horizontal">
      <Select value={i18n.language} onChange={(_e, data) => void changeLanguage(data.value as LanguageCode)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
