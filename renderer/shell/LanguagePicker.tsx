import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** The language switcher: each language named in itself, so anyone can find theirs. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <Field label={t('app.language')} orientation="horizontal">
      <Select value={i18n.language} onChange={(_e, data) => void i18n.changeLanguage(data.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
