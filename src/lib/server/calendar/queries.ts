import type { Db } from '../db';

/** Repository functions for calendar feeds: one subscription per person, kept as a hash of its secret. */

/** Keeps this hash as the person's feed secret, replacing any earlier one. */
export async function saveFeedTokenHash(database: Db, personId: string, tokenHash: string, at: string): Promise<void> {
	await database
		.insertInto('calendar_feeds')
		.values({ person_id: personId, token_hash: tokenHash, created_at: at })
		.onConflict((oc) => oc.column('person_id').doUpdateSet({ token_hash: tokenHash, created_at: at }))
		.execute();
}

export async function hasFeedToken(database: Db, personId: string): Promise<boolean> {
	const row = await database
		.selectFrom('calendar_feeds')
		.select('person_id')
		.where('person_id', '=', personId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The active person whose feed secret has this hash, with the language their feed speaks. */
export async function activeFeedOwner(
	database: Db,
	tokenHash: string
): Promise<{ id: string; name: string; language: string } | undefined> {
	return database
		.selectFrom('calendar_feeds')
		.innerJoin('people', 'people.id', 'calendar_feeds.person_id')
		.select(['people.id', 'people.name', 'people.language'])
		.where('calendar_feeds.token_hash', '=', tokenHash)
		.where('people.active', '=', 1)
		.executeTakeFirst();
}
