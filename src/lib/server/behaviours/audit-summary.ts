import { baseLocale } from '../../i18n/locales';
import * as messages from '../../paraglide/messages.js';
import type { MessageKey } from '../service-result';

/**
 * The summary of an audit entry about the behaviour framework or an observation, from its
 * `growth_audit_…` message. The audit log keeps one summary per entry for every reader, so it is
 * worded in the source language whatever the language of the request that made the change.
 */
export function auditSummary(code: MessageKey, params: Record<string, string | number> = {}): string {
	const message = messages[code] as (
		inputs: Record<string, string | number>,
		options: { locale: typeof baseLocale }
	) => string;
	return message(params, { locale: baseLocale });
}
