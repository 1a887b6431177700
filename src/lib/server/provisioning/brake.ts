import type { Db } from '../db';
import { newId } from '../db/ids';
import type { DirectoryConnection, HeldChangeKind } from '../db/schema';
import { recordAudit } from '../audit/log';
import { notify } from '../notifications/notify';
import { listActiveAdmins } from '../people/queries';
import { problem } from './scim';

/**
 * The safety brake, as HR directory syncs have one: a directory that suddenly deactivates a large
 * share of the organisation (a scoping rule changed, a group emptied) is far more often wrong than
 * right, and deactivation ends sessions and gives away places. So a deactivation that would take
 * a connection's deactivations within the last hour past its limit (a share of the people active
 * before the burst) is not applied but held, with every later one from that connection, until an
 * admin approves or rejects the hold. The directory is told to try again later; its retries join
 * the same hold, and every admin is told once per hold. The burst is measured from the last
 * decision, so an approved wave does not trip the brake again, and a person whose deactivation was
 * rejected is held again rather than let through one retry at a time.
 */

const BURST_MS = 60 * 60 * 1000;
/** What the directory is told to wait before it tries again (seconds). */
export const RETRY_AFTER_SECONDS = 3600;

async function openHold(trx: Db, connectionId: string) {
	return trx
		.selectFrom('directory_holds')
		.selectAll()
		.where('connection_id', '=', connectionId)
		.where('status', '=', 'held')
		.executeTakeFirst();
}

/** Whether deactivating this person now must be held rather than applied. */
export async function brakeHolds(
	trx: Db,
	connection: DirectoryConnection,
	personId: string,
	now: Date
): Promise<boolean> {
	// Held when the connection has an open hold, or when an admin already rejected this person's
	// deactivation (so it cannot trickle through one retry at a time): one query for both.
	const blocking = await trx
		.selectFrom('directory_holds')
		.select('directory_holds.id')
		.where('directory_holds.connection_id', '=', connection.id)
		.where((eb) =>
			eb.or([
				eb('directory_holds.status', '=', 'held'),
				eb.and([
					eb('directory_holds.status', '=', 'rejected'),
					eb.exists(
						eb
							.selectFrom('directory_held_changes')
							.select('directory_held_changes.hold_id')
							.whereRef('directory_held_changes.hold_id', '=', 'directory_holds.id')
							.where('directory_held_changes.person_id', '=', personId)
					)
				])
			])
		)
		.executeTakeFirst();
	if (blocking) return true;

	const lastDecision = await trx
		.selectFrom('directory_holds')
		.select((eb) => eb.fn.max('decided_at').as('at'))
		.where('connection_id', '=', connection.id)
		.executeTakeFirst();
	const hourAgo = new Date(now.getTime() - BURST_MS).toISOString();
	const since = lastDecision?.at && lastDecision.at > hourAgo ? lastDecision.at : hourAgo;
	const [recent, active] = await Promise.all([
		trx
			.selectFrom('directory_deactivations')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('connection_id', '=', connection.id)
			.where('at', '>', since)
			.executeTakeFirstOrThrow(),
		trx
			.selectFrom('people')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('active', '=', 1)
			.executeTakeFirstOrThrow()
	]);
	const burst = Number(recent.n) + 1;
	// The organisation before the burst: those active now and those it has already deactivated.
	const before = Number(active.n) + Number(recent.n);
	return burst * 100 > connection.deactivation_limit_percent * before;
}

/** Holds a deactivating change, in the open hold of the connection or a new one. */
export async function holdChange(
	trx: Db,
	connection: DirectoryConnection,
	personId: string,
	kind: HeldChangeKind,
	change: unknown,
	now: Date
): Promise<void> {
	const at = now.toISOString();
	let hold = await openHold(trx, connection.id);
	if (!hold) {
		const active = await trx
			.selectFrom('people')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('active', '=', 1)
			.executeTakeFirstOrThrow();
		hold = {
			id: newId(),
			connection_id: connection.id,
			status: 'held',
			active_people: Number(active.n),
			limit_percent: connection.deactivation_limit_percent,
			created_at: at,
			decided_at: null,
			decided_by: null
		};
		await trx.insertInto('directory_holds').values(hold).execute();
		await recordAudit(trx, {
			actorId: null,
			action: 'directory.held',
			objectType: 'directory_connection',
			objectId: connection.id,
			summary: {
				code: 'admin_audit_directory_held',
				params: { directory: connection.name, percent: connection.deactivation_limit_percent }
			},
			details: { hold: hold.id },
			at: now
		});
		// Held deactivations need a decision, so every admin hears of it at once.
		const admins = await listActiveAdmins(trx);
		await notify(
			trx,
			admins.map((admin) => ({
				to: admin.id,
				kind: 'directory.held' as const,
				subject: { type: 'directory_connection', id: connection.id },
				href: `/admin/provisioning/${connection.id}`,
				params: { directory: connection.name, percent: connection.deactivation_limit_percent }
			})),
			now
		);
	}
	// The latest request for a person is the one that counts.
	await trx
		.deleteFrom('directory_held_changes')
		.where('hold_id', '=', hold.id)
		.where('person_id', '=', personId)
		.execute();
	await trx
		.insertInto('directory_held_changes')
		.values({
			hold_id: hold.id,
			person_id: personId,
			kind,
			change: kind === 'delete' ? null : JSON.stringify(change),
			received_at: at
		})
		.execute();
}

/** A directory that changed its mind (the person is active after all) takes back what it held. */
export async function dropHeldChange(trx: Db, connection: DirectoryConnection, personId: string): Promise<void> {
	const hold = await openHold(trx, connection.id);
	if (!hold) return;
	await trx
		.deleteFrom('directory_held_changes')
		.where('hold_id', '=', hold.id)
		.where('person_id', '=', personId)
		.execute();
}

/** Notes a deactivation the connection made, for measuring the next burst. */
export async function recordDeactivation(
	trx: Db,
	connection: DirectoryConnection,
	personId: string,
	now: Date
): Promise<void> {
	await trx
		.insertInto('directory_deactivations')
		.values({ id: newId(), connection_id: connection.id, person_id: personId, at: now.toISOString() })
		.execute();
}

/** What the directory is answered while its deactivations are held. */
export function heldProblem(connection: DirectoryConnection) {
	return problem(
		503,
		`Held by Ripple's safety brake: deactivations from this directory would exceed ${connection.deactivation_limit_percent}% of active people within an hour. An administrator has to approve them in Ripple; try again later.`
	);
}
