import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';

function migratorFor(db: Kysely<any>): Migrator {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		const reason = result.error instanceof Error ? result.error.message : String(result.error);
		throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
	}
	return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	return unwrap(await migratorFor(db).migrateToLatest());
}

/** Reverts the most recent migration; returns the names reverted. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
	return unwrap(await migratorFor(db).migrateDown());
}

/** Reverts every migration, newest first. */
export async function migrateToNothing(db: Kysely<any>): Promise<string[]> {
	const { NO_MIGRATIONS } = await import('kysely');
	return unwrap(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}
