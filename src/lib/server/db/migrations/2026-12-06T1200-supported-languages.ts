import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * People choose only the languages Ripple speaks completely (issue 16): English, Dutch and
 * Simplified Chinese. Chinese stored as "zh" (or a Simplified variant) becomes "zh-CN"; any other
 * language Ripple does not offer becomes English, the organisation's default, which the person or
 * an admin can change.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db
		.updateTable('people')
		.set({ language: 'zh-CN' })
		.where((eb) =>
			eb.or([
				eb(sql`lower(language)`, '=', 'zh'),
				eb(sql`lower(language)`, 'in', ['zh-cn', 'zh-hans', 'zh-hans-cn', 'zh-sg', 'zh-hans-sg'])
			])
		)
		.execute();
	await db.updateTable('people').set({ language: 'en' }).where('language', 'not in', ['en', 'nl', 'zh-CN']).execute();
}

export async function down(): Promise<void> {
	// The languages people had before cannot be told apart once mapped; nothing to undo.
}
