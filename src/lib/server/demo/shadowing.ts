import type { Db } from '../db';
import { newId } from '../db/ids';
import { workingDayAt } from './working-days';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Host slots in the coming weeks, a pending request, past visits (one awaiting its reflection) and a blackout. */
export async function seedDemoShadowing(
	trx: Db,
	ids: { people: Map<string, string>; members: Map<string, string[]> },
	now: Date
): Promise<void> {
	const member = (team: string, index: number) => {
		const list = ids.members.get(team) ?? [];
		return list[index % Math.max(1, list.length)]!;
	};
	const teamOf = async (personId: string) =>
		(await trx.selectFrom('people').select('team_id').where('id', '=', personId).executeTakeFirstOrThrow()).team_id!;
	// Slots keep London's clocks, as the floors they visit do, on a working day there; at these hours it
	// is the same day wherever the hosts themselves live.
	const timeZone = 'Europe/London';
	const at = (days: number, hour: number) => workingDayAt(now, days, `${String(hour).padStart(2, '0')}:00`, timeZone);
	const created = new Date(now.getTime() - 20 * DAY).toISOString();
	const slot = async (
		host: string,
		days: number,
		hour: number,
		hours: number,
		capacity: number,
		what: string,
		place: string
	) => {
		const start = at(days, hour);
		const id = newId();
		await trx
			.insertInto('shadow_slots')
			.values({
				id,
				team_id: await teamOf(host),
				host_id: host,
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + hours * HOUR).toISOString(),
				time_zone: timeZone,
				capacity,
				place,
				video_url: '',
				what_you_will_see: what,
				auto_accept: 0,
				created_by: host,
				sequence: 0,
				created_at: created,
				updated_at: created,
				cancelled_at: null
			})
			.execute();
		return { id, start, end: new Date(start.getTime() + hours * HOUR) };
	};
	const care = member('Customer Care', 0);
	const slots = [
		await slot(
			care,
			4,
			9,
			3,
			2,
			'Sit in on live calls during the morning peak, see the top five reasons customers call and the screens agents use to answer them.',
			'Customer Care floor, Leeds'
		),
		await slot(
			member('Customer Care', 1),
			11,
			13,
			2,
			1,
			'Follow a complaint from first call to resolution, including the hand-offs to finance and logistics.',
			'Customer Care floor, Leeds'
		),
		await slot(
			member('Order Management', 0),
			7,
			10,
			2,
			2,
			'Watch orders being released, held and fixed, and see which back-office data makes an order go wrong.',
			'Order desk, 3rd floor'
		),
		await slot(
			member('Service Desk', 0),
			9,
			8,
			2,
			3,
			'Join the first-line desk as tickets arrive and see how priority is set and where tickets bounce.',
			'Service Desk hub'
		),
		await slot(
			member('Field Sales Support', 0),
			16,
			9,
			3,
			1,
			'Prepare quotes with the sales support team and see what happens when pricing or credit data is wrong.',
			'Sales support bay'
		)
	];
	const past = await slot(care, -10, 9, 3, 2, 'Live calls during the morning peak.', 'Customer Care floor, Leeds');
	const olderPast = await slot(
		member('Order Management', 0),
		-24,
		10,
		2,
		2,
		'Orders released, held and fixed.',
		'Order desk, 3rd floor'
	);

	const staff = ids.people.get('staff@ripple.test')!;
	const manager = ids.people.get('manager@ripple.test')!;
	const visit = (fields: {
		slot: { id: string; start: Date; end: Date };
		visitor: string;
		status: 'pending_manager' | 'confirmed';
		objectives: string;
		reflection?: [string, string, string];
		feedback?: string;
	}) => {
		const stamp =
			fields.slot.end.getTime() < now.getTime() ? new Date(fields.slot.end.getTime() + 2 * HOUR).toISOString() : null;
		return {
			id: newId(),
			slot_id: fields.slot.id,
			visitor_id: fields.visitor,
			objectives: fields.objectives,
			status: fields.status,
			starts_at: fields.slot.start.toISOString(),
			ends_at: fields.slot.end.toISOString(),
			approved_by: fields.status === 'confirmed' ? manager : null,
			approved_at: fields.status === 'confirmed' ? created : null,
			confirmed_by: fields.status === 'confirmed' ? care : null,
			confirmed_at: fields.status === 'confirmed' ? created : null,
			decline_reason: null,
			sequence: fields.status === 'confirmed' ? 2 : 0,
			reflection_learned: fields.reflection?.[0] ?? null,
			reflection_impact: fields.reflection?.[1] ?? null,
			reflection_change: fields.reflection?.[2] ?? null,
			reflected_at: fields.reflection ? stamp : null,
			host_feedback: fields.feedback ?? null,
			host_feedback_at: fields.feedback ? stamp : null,
			created_at: created,
			updated_at: created
		};
	};
	await trx
		.insertInto('shadow_visits')
		.values([
			visit({
				slot: past,
				visitor: staff,
				status: 'confirmed',
				objectives: 'See which supplier questions reach Customer Care and how agents answer them.'
			}),
			visit({
				slot: olderPast,
				visitor: member('Accounts Payable', 3),
				status: 'confirmed',
				objectives: 'Understand what happens to an order when a supplier is on stop.',
				reflection: [
					'A supplier on stop blocks orders within a day, long before we see a reminder.',
					'Our holds decide whether the customer’s order ships on time.',
					'I will tell Order Management the same day a key supplier is put on hold.'
				],
				feedback: 'Great questions, and you spotted the supplier-hold pattern before we did. Come back at quarter end.'
			}),
			visit({
				slot: slots[0]!,
				visitor: member('Accounts Payable', 4),
				status: 'pending_manager',
				objectives: 'Hear first-hand how callers describe late refunds, so our emails answer their questions.'
			})
		])
		.execute();

	await trx
		.insertInto('shadow_blackouts')
		.values({
			id: newId(),
			team_id: await teamOf(member('Accounts Receivable', 0)),
			starts_on: new Date(now.getTime() + 20 * DAY).toISOString().slice(0, 10),
			ends_on: new Date(now.getTime() + 25 * DAY).toISOString().slice(0, 10),
			reason: 'Month-end close',
			created_by: null,
			created_at: created
		})
		.execute();
}
