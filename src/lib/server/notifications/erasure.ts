import { mapText, replaceWhole } from '../audit/identity';
import type { Db } from '../db';
import { escapeHtml } from './email-layout';

/**
 * Erasing a person from the messages Ripple wrote to other people. A notification keeps names as
 * data (the inputs of its messages) and the delivery log keeps each email as it was written, so
 * either could still name someone after their erasure. Their own notifications and emails are
 * deleted by the erasure rules (../people/personal-data.ts); this rewrites everyone else's:
 * - their email is replaced wherever it stands whole: an address names one person;
 * - their name is replaced where it stands whole, unless someone else in Ripple has the very same
 *   name (then it cannot be told whose it is, and it stays, as in the audit log); a longer name of
 *   someone else that contains theirs ("Ann" in "Ann Lee") is left as it is.
 * Returns how many notifications and emails changed.
 */
export async function eraseIdentityFromNotifications(
	database: Db,
	person: { id: string; name: string; email: string },
	standIn: { name: string; email: string }
): Promise<number> {
	const namesakes = await database
		.selectFrom('people')
		.select('name')
		.where('id', '<>', person.id)
		.where('name', 'like', `%${person.name}%`)
		.execute();
	const nameIsTheirs = person.name !== '' && !namesakes.some((n) => n.name === person.name);
	const replacements = new Map([[person.email, standIn.email]]);
	if (nameIsTheirs) replacements.set(person.name, standIn.name);
	const protect = new Set(namesakes.map((n) => n.name));
	const rewrite = (text: string) => replaceWhole(text, replacements, protect);
	const inHtml = new Map([...replacements].map(([from, to]) => [escapeHtml(from), escapeHtml(to)]));
	const rewriteHtml = (html: string) =>
		replaceWhole(html, inHtml, new Set([...protect].map((name) => escapeHtml(name))));
	const rewriteJson = (json: string) => JSON.stringify(mapText(JSON.parse(json) as unknown, rewrite));
	const mentions = [...replacements.keys()].map((word) => `%${word}%`);

	let changed = 0;
	const notifications = await database
		.selectFrom('notifications')
		.select(['id', 'params'])
		.where('person_id', '<>', person.id)
		.where((eb) => eb.or(mentions.map((m) => eb('params', 'like', m))))
		.execute();
	for (const row of notifications) {
		const params = rewriteJson(row.params);
		if (params === row.params) continue;
		await database.updateTable('notifications').set({ params }).where('id', '=', row.id).execute();
		changed++;
	}

	const written = ['params', 'subject', 'text_body', 'html_body', 'calendar'] as const;
	const deliveries = await database
		.selectFrom('email_deliveries')
		.select(['id', ...written])
		.where((eb) => eb.or([eb('person_id', 'is', null), eb('person_id', '<>', person.id)]))
		.where((eb) => eb.or(written.flatMap((column) => mentions.map((m) => eb(column, 'like', m)))))
		.execute();
	for (const row of deliveries) {
		const patch = {
			params: rewriteJson(row.params),
			subject: row.subject === null ? null : rewrite(row.subject),
			text_body: row.text_body === null ? null : rewrite(row.text_body),
			html_body: row.html_body === null ? null : rewriteHtml(row.html_body),
			calendar: row.calendar === null ? null : rewrite(row.calendar)
		};
		if (written.every((column) => patch[column] === row[column])) continue;
		await database.updateTable('email_deliveries').set(patch).where('id', '=', row.id).execute();
		changed++;
	}
	return changed;
}
