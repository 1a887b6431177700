import type { Db } from '../db';
import { updatePerson } from './queries';

/** A person's own settings; name, email and team stay with the admins. */
export async function savePreferences(
	database: Db,
	personId: string,
	input: { time_zone: string; language: string },
	now: Date
): Promise<void> {
	await updatePerson(database, personId, { ...input, updated_at: now.toISOString() });
}
