import { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { formatInteger } from '../../intl';
import { m } from '../../paraglide/messages.js';
import { behaviourLabels, behaviourLabelsByLocale, isActiveBehaviour } from '../behaviours/directory';
import { notify } from '../notifications/notify';
import { departmentsOf } from '../org/directory';
import { contactsOf, findPeopleByEmails } from '../people/directory';
import { refuse, type ServiceResult } from '../service-result';
import { insertRecognition, recipientsOf, wallPage, type WallFilters } from './queries';

export const MAX_RECIPIENTS = 10;

// Messages are functions, read when a form is checked: in the language of that request.
export const recognitionSchema = z.object({
	recipients: z
		.string()
		.trim()
		.min(1, { error: () => m.connect_recognition_recipients_required() })
		.transform((v) => [
			...new Set(
				v
					.split(/[\s,;，、；]+/)
					.map((e) => e.trim().toLowerCase())
					.filter(Boolean)
			)
		])
		.refine((list) => list.length <= MAX_RECIPIENTS, {
			error: () => m.connect_recognition_too_many({ count: MAX_RECIPIENTS })
		}),
	behaviour: z
		.string()
		.trim()
		.min(1, { error: () => m.connect_recognition_behaviour_required() }),
	message: z
		.string()
		.trim()
		.min(10, { error: () => m.connect_recognition_message_required() })
		.max(1000, { error: () => m.connect_recognition_message_too_long({ max: formatInteger(1000) }) })
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
		return refuse('behaviour', 'connect_recognition_behaviour_from_list');
	const people = await findPeopleByEmails(database, input.recipients);
	const unknown = input.recipients.filter((email) => !people.some((p) => p.email === email && p.active === 1));
	if (unknown.length)
		return refuse('recipients', 'connect_recognition_unknown_emails', {
			count: unknown.length,
			emails: unknown.join(', ')
		});
	if (people.some((p) => p.id === giverId)) return refuse('recipients', 'connect_recognition_not_yourself');

	const departments = await departmentsOf(database, [giverId, ...people.map((p) => p.id)]);
	const crossDepartment = crossesDepartments(
		departments.get(giverId) ?? null,
		people.map((p) => departments.get(p.id) ?? null)
	);
	const id = newId();
	await database.transaction().execute(async (trx) => {
		await insertRecognition(
			trx,
			{
				id,
				from_id: giverId,
				behaviour_slug: input.behaviour,
				message: input.message,
				cross_department: crossDepartment ? 1 : 0,
				created_at: now.toISOString()
			},
			people.map((p) => p.id)
		);
		const [from] = await contactsOf(trx, [giverId]);
		const behaviour = (await behaviourLabelsByLocale(trx, input.behaviour)) ?? { en: input.behaviour };
		await notify(
			trx,
			people.map((p) => ({
				to: p.id,
				kind: 'measure.recognition_received' as const,
				subject: { type: 'recognition', id },
				href: '/connect/recognition',
				params: { from: from?.name ?? '', behaviour, message: input.message }
			})),
			now
		);
	});
	return { ok: true, id, crossDepartment };
}

export type { WallFilters } from './queries';

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
	const { rows, total } = await wallPage(database, filters, page);
	const recipients = await recipientsOf(
		database,
		rows.map((r) => r.id)
	);
	const labels = await behaviourLabels(database);
	return {
		total,
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
