import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CallError } from '../../shared/contract';
import type { DiagnosticReport } from '../../shared/diagnostic-report';
import type { WizardScreen } from '../../shared/steps';
import type { DraftField, ProfileField } from '../profiles/draft';
import { callErrorMessage, errorFieldName, errorFormField, errorRule } from './fieldErrors';
import type { Wizard } from './step';

/**
 * One step's form: react-hook-form with the contract's zod rules (messages are keys, shown as
 * `validation.<key>`), every keystroke kept in the shell's draft, each valid field saved to the
 * profile on blur, and the Check run only when the whole form is valid (focus goes to the
 * first error otherwise). Errors stay with their values: values brought back (after moving
 * to another screen, or a reload) are checked again at once, a value main refused shows its
 * rule beside the field, and correcting a value clears its error on the keystroke.
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
  const [failure, setFailure] = useState<{ error: CallError; field?: string; value?: string } | null>(null);
  const fieldNames = Object.keys(defaults) as Path<T>[];

  // Values brought back from the draft are checked at once: an invalid one shows its error now,
  // not only after the next blur (it was typed before; the user need not retype it to see why).
  useEffect(() => {
    const filled = fieldNames.filter((name) => String((defaults as Record<string, unknown>)[name] ?? '') !== '');
    if (filled.length > 0) void form.trigger(filled);
    // Once, for the values the form started with.
  }, []);

  /**
   * A failed call: a value main refused goes beside its field (in the user's words, cleared by
   * the next valid keystroke); anything else is the step's message, dropped once the value it
   * names has changed.
   */
  function setCallError(error: CallError | null): void {
    if (!error) return setFailure(null);
    const formField = errorFormField(error);
    const rule = errorRule(error);
    if (formField && rule && (fieldNames as string[]).includes(formField)) {
      form.setError(formField as Path<T>, { type: 'server', message: rule }, { shouldFocus: true });
      return setFailure(null);
    }
    const field = errorFieldName(error);
    const draft = wizard.draft as Record<string, string>;
    setFailure({ error, ...(field && field in draft ? { field, value: draft[field] } : {}) });
  }
  const stale = failure?.field !== undefined && (wizard.draft as Record<string, string>)[failure.field] !== failure.value;
  const callError = failure && !stale ? callErrorMessage(t, failure.error, screen) : null;

  /** Props for a Fluent Input bound to a draft/profile field. */
  function bind(name: Path<T> & DraftField, opts: { save?: boolean } = {}) {
    const reg = form.register(name);
    return {
      ...reg,
      // Fluent's Input keeps its own state: give it the form's value, or a re-render would blank it.
      value: String(form.watch(name) ?? ''),
      id: `field-${name}`,
      onChange: async (ev: React.ChangeEvent<HTMLInputElement>) => {
        wizard.setDraftValue(name, ev.target.value);
        await reg.onChange(ev);
        // A shown error is re-checked on every keystroke (also before the field was ever left).
        if (form.getFieldState(name).error) await form.trigger(name);
      },
      onBlur: async (ev: React.FocusEvent<HTMLInputElement>) => {
        await reg.onBlur(ev);
        if (opts.save === false) return;
        if (await form.trigger(name)) {
          const outcome = await wizard.saveField(name as ProfileField, String(form.getValues(name) ?? ''));
          setCallError(outcome.state === 'error' ? outcome.error : null);
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
        setCallError(outcome.error);
        return;
      }
    }
    if (!wizard.profile) return;
    setRunning(true);
    try {
      const r = await wizard.runCheck(screen, typeof values.sendTo === 'string' && values.sendTo ? values.sendTo : undefined);
      if (!r.ok) setCallError(r.error);
    } finally {
      setRunning(false);
    }
  });

  const report: DiagnosticReport | undefined = wizard.reports[screen];
  return { form, bind, errorOf, submit, running, setRunning, callError, setCallError, report };
}
