import type { Db } from '../db';
import { getPasswordHash, scopeOf, updatePerson } from './queries';

/**
 * The parts of a person that sign-in needs: their password hash and the scope their grants give.
 * Only ../auth uses these; hashes never leave the server.
 */
export { getPasswordHash, scopeOf };

export async function setPasswordHash(database: Db, personId: string, hash: string, now: Date): Promise<void> {
	await updatePerson(database, personId, { password_hash: hash, updated_at: now.toISOString() });
}
