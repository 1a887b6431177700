import type { FieldErrors } from './forms';
import * as messages from '../paraglide/messages.js';

/**
 * Why a service refused, as a message key and its inputs: services do not speak any language, the
 * route words the refusal in the request's locale (`worded`). The key is checked against the
 * catalogue at compile time, so a refusal can never name a message that does not exist.
 */
export type MessageKey = Exclude<keyof typeof messages, 'm'>;
export interface Refusal {
	code: MessageKey;
	params?: Record<string, string | number>;
}

/** Field name -> why it was refused; `_form` for refusals not tied to one field. */
export type Refusals = Record<string, Refusal | string>;

/** What a domain operation returns: success with its data, or refusals for the form. */
export type ServiceResult<T> = ({ ok: true } & T) | { ok: false; errors: Refusals };

export function rejected(errors: Refusals): { ok: false; errors: Refusals } {
	return { ok: false, errors };
}

/** A refusal of one field (`_form` for the form as a whole), to be worded by the route. */
export function refuse(field: string, code: MessageKey, params?: Refusal['params']): { ok: false; errors: Refusals } {
	return { ok: false, errors: { [field]: params ? { code, params } : { code } } };
}

/** One refusal in the current request's language. */
export function word(refusal: Refusal | string): string {
	if (typeof refusal === 'string') return refusal;
	const message = messages[refusal.code] as (inputs?: Refusal['params']) => string;
	return message(refusal.params ?? {});
}

/** A service's refusals as the messages a form shows next to its fields. */
export function worded(errors: Refusals): FieldErrors {
	return Object.fromEntries(Object.entries(errors).map(([field, refusal]) => [field, word(refusal)]));
}
