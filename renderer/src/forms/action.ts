import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { describeError, showServerErrors } from './contract-form';

/** A notification as the screens show one (Mantine's `notifications.show` takes it as it is). */
export interface Notice {
  color: string;
  title?: string;
  message: string;
  autoClose?: boolean | number;
}

/** A form whose fields can show the backend's validation issues (a Mantine form is one). */
export interface FieldErrorTarget {
  errors: Record<string, unknown>;
  setErrors(errors: Record<string, ReactNode>): void;
}

/** How one action tells the owner what happened. Every outcome ends in words unless the caller shows it itself. */
export interface ActionOptions<Args extends unknown[], Result> {
  /**
   * What the owner reads when it worked: a sentence (a green notification), a whole notice (its
   * own colour, title, `autoClose`), or null for nothing (the screen changing is the feedback).
   */
  success?: string | Notice | ((result: Result, ...args: Args) => string | Notice | null);
  /** After it worked, before the success notice: hand the result to the screen. */
  onSuccess?: (result: Result, ...args: Args) => void;
  /** After it failed, with the failure already in words: roll back, or show it inline. */
  onError?: (error: unknown, message: string, ...args: Args) => void;
  /** The failure in words; `describeError` unless the screen has a more precise sentence. */
  describeFailure?: (error: unknown) => string;
  /** Title of the failure notification: "Não foi possível concluir" unless given; null for none. */
  failureTitle?: string | null;
  /**
   * True when the screen shows the failure itself (inline, through `onError`): no notification.
   * A function decides per failure (a field's refusal at the field, anything else notified).
   */
  quietFailure?: boolean | ((error: unknown) => boolean);
  /**
   * The form whose fields get the backend's validation issues (the action's first argument is
   * read as the form's values, so an issue on a list item names the item); `currency` writes
   * money limits in the form's currency.
   */
  form?: FieldErrorTarget;
  currency?: string;
}

/** What an action needs from the screen around it: the language and the way to notify. */
export interface ActionDeps {
  t: TFunction;
  notify(notice: Notice): void;
}

const asNotice = (shown: string | Notice): Notice => (typeof shown === 'string' ? { color: 'green', message: shown } : shown);

/**
 * Runs `perform(...args)` once and tells the owner the outcome: the success notice (if any) or
 * the failure in words (and at the form's fields). Never throws: resolves to the result, or to
 * undefined when it failed (already said on screen). A throw inside `onSuccess` counts as a failure.
 */
export async function runAction<Args extends unknown[], Result>(
  perform: (...args: Args) => Promise<Result>,
  args: Args,
  options: ActionOptions<Args, Result>,
  { t, notify }: ActionDeps,
): Promise<Result | undefined> {
  let result: Result;
  try {
    result = await perform(...args);
    options.onSuccess?.(result, ...args);
  } catch (error) {
    if (options.form) showServerErrors(options.form, error, args[0], t, options.currency);
    const message = options.describeFailure ? options.describeFailure(error) : describeError(error, t);
    options.onError?.(error, message, ...args);
    const quiet = typeof options.quietFailure === 'function' ? options.quietFailure(error) : options.quietFailure === true;
    if (!quiet) {
      const title = options.failureTitle === undefined ? t('errors.title') : options.failureTitle;
      notify(title === null ? { color: 'red', message } : { color: 'red', title, message });
    }
    return undefined;
  }
  const shown = typeof options.success === 'function' ? options.success(result, ...args) : options.success;
  if (shown !== undefined && shown !== null) notify(asNotice(shown));
  return result;
}
