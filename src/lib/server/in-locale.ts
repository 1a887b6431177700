import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../i18n/locales';
import { getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage } from '../paraglide/runtime.js';

/**
 * Runs `work` as if it answered a request in `locale`: every message and every formatter that
 * follows the request's language (`getLocale`, `currentIntlLocale`) speaks `locale` inside it.
 * Emails and digests are written outside any request, in their reader's language, with the same
 * messages and helpers the pages use. Paraglide's request storage is made here when no request has
 * made it yet (a separate worker process, a test).
 */
export function inLocale<T>(locale: Locale, work: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage() as NonNullable<ReturnType<typeof getServerAsyncLocalStorage>>;
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ locale, origin: undefined, messageCalls: undefined }, work) as T;
}
