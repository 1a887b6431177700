import { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { behaviourLabels, isActiveBehaviour } from '../behaviours/directory';
import { departmentsOf } from '../org/directory';
import { rejected, type ServiceResult } from '../service-result';

export const MAX_RECIPIENTS = 10;

export const recognitionSchema = z.object({
	recipients: z
		.string()
		.trim()
		.min(1, 'Enter the email of at least one colleague')
		.transform((v) => [
			...new Set(
				v
					.split(/[\s,;]+/)
					.map((e) => e.trim().toLowerCase())
					.filter(Boolean)
			)
		])
		.refine((list) => list.length <= MAX_RECIPIENTS, `Recognise at most ${MAX_RECIPIENTS} people at once`),
	behaviour: z.string().trim().min(1, 'Choose the behaviour you saw'),
	message: z
		.string()
		.trim()
		.min(10, 'Say what they did, in a sentence or two')
		.max(1000, 'Keep the message under 1,000 characters')
});
export type RecognitionInput = z.infer<typeof recognitionSchema>;

/** Cross-department when any recipient's department differs from the giver's. */
export function crossesDepartments(giver: string | null, recipients: readonly (string | null)[]): boolean {
	return giver !== null && recipients.some((d) => d !== null && d !== giver);
}

export async function recognise(
	database: Db,
	giver: Actor,
	input: RecognitionInput,
	now: Date
): Promise<ServiceResult<{ id: string; crossDepartment: boolean }>> {
	const giverId = giver.id;
	if (!(await isActiveBehaviour(database, input.behaviour)))
		return rejected({ behaviour: 'Choose a behaviour from the list' });
	const people = await database
		.selectFrom('people')
		.select(['id', 'email', 'active'])
		.where('email', 'in', input.recipients)
		.execute();
	const unknown = input.recipients.filter((email) => !people.some((p) => p.email === email && p.active === 1));
	if (unknown.length)
		return rejected({
			recipients: `Nobody active in Ripple has ${unknown.length === 1 ? 'the email' : 'these emails'}: ${unknown.join(', ')}`
		});
	if (people.some((p) => p.id === giverId))
		return rejected({ recipients: 'Recognise colleagues rather than yourself' });

	const departments = await departmentsOf(database, [giverId, ...people.map((p) => p.id)]);
	const crossDepartment = crossesDepartments(
		departments.get(giverId) ?? null,
		people.map((p) => departments.get(p.id) ?? null)
	);
	const id = newId();
	await database.transaction().execute(async (trx) => {
		await trx
			.insertInto('recognitions')
			.values({
				id,
				from_id: giverId,
				behaviour_slug: input.behaviour,
				message: input.message,
				cross_department: crossDepartment ? 1 : 0,
				created_at: now.toISOString()
			})
			.execute();
		await trx
			.insertInto('recognition_recipients')
			.values(people.map((p) => ({ recognition_id: id, person_id: p.id })))
			.execute();
	});
	return { ok: true, id, crossDepartment };
}

export interface WallFilters {
	teamId?: string;
	unitPath?: string;
	behaviour?: string;
	personId?: string;
}

export interface WallEntry {
	id: string;
	message: string;
	behaviour: string;
	behaviourLabel: string;
	crossDepartment: boolean;
	createdAt: string;
	from: { id: string; name: string };
	to: { id: string; name: string; team: string | null }[];
}

/** Recognition, newest first, optionally only that received in a team, unit, for a behaviour or by a person. */
export async function recognitionWall(
	database: Db,
	filters: WallFilters,
	page: { limit: number; offset: number }
): Promise<{ entries: WallEntry[]; total: number }> {
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
	const recipients = rows.length
		? await database
				.selectFrom('recognition_recipients')
				.innerJoin('people', 'people.id', 'recognition_recipients.person_id')
				.leftJoin('teams', 'teams.id', 'people.team_id')
				.select(['recognition_recipients.recognition_id', 'people.id', 'people.name', 'teams.name as team'])
				.where(
					'recognition_recipients.recognition_id',
					'in',
					rows.map((r) => r.id)
				)
				.orderBy('people.name')
				.execute()
		: [];
	const labels = await behaviourLabels(database);
	return {
		total: Number(count.n),
		entries: rows.map((r) => ({
			id: r.id,
			message: r.message,
			behaviour: r.behaviour_slug,
			behaviourLabel: labels.get(r.behaviour_slug) ?? r.behaviour_slug,
			crossDepartment: r.cross_department === 1,
			createdAt: r.created_at,
			from: { id: r.from_id, name: r.from_name },
			to: recipients.filter((p) => p.recognition_id === r.id).map((p) => ({ id: p.id, name: p.name, team: p.team }))
		}))
	};
}
