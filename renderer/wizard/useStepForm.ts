import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { DiagnosticReport } from '../../shared/diagnostic-report';
import type { WizardScreen } from '../../shared/steps';
import type { DraftField, ProfileField } from '../profiles/draft';
import type { Wizard } from './step';

/**
 * One step's form: react-hook-form with the contract's zod rules (messages are keys, shown as
 * `validation.<key>`), every keystroke kept in the shell's draft, each valid field saved to the
 * profile on blur, and the Check run only when the whole form is valid (focus goes to the
 * first error otherwise).
 */
export function useStepForm<T extends FieldValues>(wizard: Wizard, screen: WizardScreen, schema: z.ZodType<T, T>, defaults: T) {
  const { t } = useTranslation();
  // The rules can change while the form lives (a stored secret makes the secret optional).
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const resolver: Resolver<T> = (values, context, options) =>
    (zodResolver(schemaRef.current as never) as unknown as Resolver<T>)(values, context, options);
  const form = useForm<T>({
    resolver,
    mode: 'onTouched',
    defaultValues: defaults as never,
    shouldFocusError: true,
  });
  const [running, setRunning] = useState(false);
  const [callError, setCallError] = useState<string | null>(null);

  /** Props for a Fluent Input bound to a draft/profile field. */
  function bind(name: Path<T> & DraftField, opts: { save?: boolean } = {}) {
    const reg = form.register(name);
    return {
      ...reg,
      // Fluent's Input keeps its own state: give it the form's value, or a re-render would blank it.
      value: String(form.watch(name) ?? ''),
      id: `field-${name}`,
      onChange: (ev: React.ChangeEvent<HTMLInputElement>) => {
        void reg.onChange(ev);
        wizard.setDraftValue(name, ev.target.value);
      },
      onBlur: async (ev: React.FocusEvent<HTMLInputElement>) => {
        await reg.onBlur(ev);
        if (opts.save === false) return;
        if (await form.trigger(name)) {
          const outcome = await wizard.saveField(name as ProfileField, String(form.getValues(name) ?? ''));
          setCallError(outcome.state === 'error' ? outcome.message : null);
        }
      },
    };
  }

  /** The translated rule message for a field, or undefined when it is valid. */
  function errorOf(name: Path<T>): string | undefined {
    const message = form.formState.errors[name]?.message;
    return typeof message === 'string' ? t(`validation.${message}`, { defaultValue: message }) : undefined;
  }

  /** Validates, saves every field, then runs the step's check (or `after`, e.g. with sendTo). */
  const submit = form.handleSubmit(async (values) => {
    setCallError(null);
    const stored = wizard.profile as Record<string, unknown> | null;
    for (const [field, value] of Object.entries(values)) {
      if (field === 'clientSecret' || field === 'sendTo') continue;
      // Unchanged values need no round trip (and a stale form could not overwrite newer ones).
      if (stored && String(stored[field] ?? '') === String(value ?? '')) continue;
      const outcome = await wizard.saveField(field as ProfileField, String(value ?? ''));
      if (outcome.state === 'error') {
        setCallError(outcome.message);
        return;
      }
    }
    if (!wizard.profile) return;
    setRunning(true);
    try {
      const r = await wizard.runCheck(screen, typeof values.sendTo === 'string' && values.sendTo ? values.sendTo : undefined);
      if (!r.ok) setCallError(r.error.message);
    } finally {
      setRunning(false);
    }
  });

  const report: DiagnosticReport | undefined = wizard.reports[screen];
  return { form, bind, errorOf, submit, running, setRunning, callError, setCallError, report };
}
