import type { Database, Db } from './index';

/** Tables whose rows actions name by `id` in a form field. */
export type RowTable = Extract<keyof Database, 'org_units' | 'teams' | 'behaviour_values' | 'buddy_cycles'>;

/**
 * Whether a row is there, for actions that name one in a form field: an unknown id is a thing
 * that does not exist (404), not a form to correct, and must be told apart before the form is read.
 */
export async function rowExists(database: Db, table: RowTable, id: string): Promise<boolean> {
	if (!id) return false;
	const row = await database.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
	return row !== undefined;
}
