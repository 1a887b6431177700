import { sql, type Insertable } from 'kysely';
import type { Db } from '../db';
import type { RecognitionTable } from '../db/schema';

/** Repository functions for recognition: thank-yous, their recipients, the wall and counts per team. */

export async function insertRecognition(
	database: Db,
	recognition: Insertable<RecognitionTable>,
	recipientIds: readonly string[]
): Promise<void> {
	await database.insertInto('recognitions').values(recognition).execute();
	await database
		.insertInto('recognition_recipients')
		.values(recipientIds.map((person_id) => ({ recognition_id: recognition.id, person_id })))
		.execute();
}

export interface WallFilters {
	teamId?: string;
	unitPath?: string;
	behaviour?: string;
	personId?: string;
}

/**
 * One page of recognitions, newest first, with the giver, and how many match: optionally only
 * those for a behaviour, or received in a team, under a unit or by a person.
 */
export async function wallPage(database: Db, filters: WallFilters, page: { limit: number; offset: number }) {
	let base = database.selectFrom('recognitions');
	if (filters.behaviour) base = base.where('recognitions.behaviour_slug', '=', filters.behaviour);
	if (filters.teamId || filters.unitPath || filters.personId) {
		// Driven from the recipients (found through their indexes), not by testing every recognition.
		base = base.where('recognitions.id', 'in', (eb) =>
			eb
				.selectFrom('recognition_recipients')
				.innerJoin('people', 'people.id', 'recognition_recipients.person_id')
				.leftJoin('teams', 'teams.id', 'people.team_id')
				.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
				.select('recognition_recipients.recognition_id')
				.$if(Boolean(filters.teamId), (q) => q.where('people.team_id', '=', filters.teamId!))
				.$if(Boolean(filters.unitPath), (q) => q.where('org_units.path', 'like', `${filters.unitPath}%`))
				.$if(Boolean(filters.personId), (q) => q.where('people.id', '=', filters.personId!))
		);
	}
	const [rows, count] = await Promise.all([
		base
			.innerJoin('people as giver', 'giver.id', 'recognitions.from_id')
			.select([
				'recognitions.id',
				'recognitions.message',
				'recognitions.behaviour_slug',
				'recognitions.cross_department',
				'recognitions.created_at',
				'giver.id as from_id',
				'giver.name as from_name'
			])
			.orderBy('recognitions.created_at', 'desc')
			.orderBy('recognitions.id')
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

/** The recipients of these recognitions with their team's name, by name. */
export async function recipientsOf(database: Db, recognitionIds: readonly string[]) {
	if (recognitionIds.length === 0) return [];
	return database
		.selectFrom('recognition_recipients')
		.innerJoin('people', 'people.id', 'recognition_recipients.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.select(['recognition_recipients.recognition_id', 'people.id', 'people.name', 'teams.name as team'])
		.where('recognition_recipients.recognition_id', 'in', recognitionIds)
		.orderBy('people.name')
		.execute();
}

/**
 * Per team, recognitions created in `[from, to)` that reached at least one of its active members,
 * and of those the ones given across departments; one grouped query however many teams.
 */
export async function receivedByTeam(database: Db, teamIds: readonly string[], range: { from: string; to: string }) {
	return database
		.selectFrom('recognition_recipients')
		.innerJoin('recognitions', 'recognitions.id', 'recognition_recipients.recognition_id')
		.innerJoin('people', 'people.id', 'recognition_recipients.person_id')
		.select([
			'people.team_id',
			sql<number>`count(distinct recognitions.id)`.as('received'),
			sql<number>`count(distinct case when recognitions.cross_department = 1 then recognitions.id end)`.as(
				'cross_department'
			)
		])
		.where('people.team_id', 'in', teamIds)
		.where('people.active', '=', 1)
		.where('recognitions.created_at', '>=', range.from)
		.where('recognitions.created_at', '<', range.to)
		.groupBy('people.team_id')
		.execute();
}
