import { error } from '@sveltejs/kit';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { m } from '../../paraglide/messages.js';
import { exportPersonalData } from './personal-data';

/** The export as a JSON download, audited: who asked, for whom. */
export async function personalDataDownload(database: Db, actor: Actor, personId: string, now: Date): Promise<Response> {
	const data = await exportPersonalData(database, personId, now);
	if (!data) error(404, m.admin_person_not_found());
	const self = actor.id === personId;
	await recordAudit(database, {
		actorId: actor.id,
		action: 'person.exported',
		objectType: 'person',
		objectId: personId,
		summary: {
			code: self ? 'admin_audit_person_downloaded_own_data' : 'admin_audit_person_exported',
			params: { name: String(data.person.name) }
		},
		details: { tables: data.records.length, rows: data.records.reduce((n, r) => n + r.rows.length, 0) },
		ip: actor.ip,
		at: now
	});
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="ripple-personal-data-${personId}-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
}
