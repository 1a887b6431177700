import { supportedLocales, type Locale } from '../../i18n/locales';
import type { Db } from '../db';
import { textOf } from '../db/texts';
import { listBehaviours } from './queries';

/**
 * The behaviour framework as pages and other domains read it. Editing goes through
 * ./framework.ts; nothing outside this domain reads its tables directly.
 */
export { behaviourLabels, isActiveBehaviour, listBehaviours, type BehaviourSummary } from './queries';

/** The active behaviours a module builds, in framework order. */
export async function behavioursBuiltBy(database: Db, slugs: readonly string[]) {
	return (await listBehaviours(database)).filter((b) => slugs.includes(b.slug));
}

/**
 * A behaviour's label in every language Ripple speaks (each with the usual fallback), for words
 * stored now and read later by someone whose language is not known yet: a notification.
 */
export async function behaviourLabelsByLocale(database: Db, slug: string): Promise<Record<Locale, string> | undefined> {
	const row = await database
		.selectFrom('behaviours')
		.select(supportedLocales.map((locale) => textOf('behaviour_texts', 'label', 'behaviours.id', locale).as(locale)))
		.where('slug', '=', slug)
		.executeTakeFirst();
	return row as Record<Locale, string> | undefined;
}
