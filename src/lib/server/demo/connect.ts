import type { Db } from '../db';
import { newId } from '../db/ids';
import { workingDayAt } from './working-days';

/**
 * Connect activity for the demo: recognition across departments and lunch-and-learn sessions,
 * some coming up (one full, with a waitlist) and some past with attendance marked. Job shadowing
 * and buddies have their own seeders (`shadowing.ts`, `buddies.ts`).
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;

export async function seedDemoConnect(
	trx: Db,
	ids: { people: Map<string, string>; members: Map<string, string[]> },
	now: Date
): Promise<void> {
	const staff = ids.people.get('staff@ripple.test')!;
	const manager = ids.people.get('manager@ripple.test')!;
	const leader = ids.people.get('leader@ripple.test')!;
	const admin = ids.people.get('admin@ripple.test')!;
	const pick = (team: string, index: number) => {
		const list = ids.members.get(team) ?? [];
		return list[index % Math.max(1, list.length)]!;
	};
	const care1 = pick('Customer Care', 1);
	const care2 = pick('Customer Care', 2);
	const desk = pick('Service Desk', 1);
	const payroll = pick('Payroll', 1);
	const ar = pick('Accounts Receivable', 1);
	const orders = pick('Order Management', 1);
	const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR).toISOString();

	const thanks: { from: string; to: string[]; behaviour: string; message: string; cross: boolean; at: string }[] = [
		{
			from: care1,
			to: [staff],
			behaviour: 'ownership',
			cross: true,
			at: ago(2, 3),
			message:
				'Priya chased a stuck supplier refund through two teams and rang the customer herself to say it was on its way. The complaint closed the same day.'
		},
		{
			from: manager,
			to: [staff],
			behaviour: 'clear-communication',
			cross: false,
			at: ago(9),
			message:
				'Your supplier update on the payment-run delay was clear, early and honest. Three suppliers wrote back to say thanks.'
		},
		{
			from: staff,
			to: [care2],
			behaviour: 'collaboration',
			cross: true,
			at: ago(5),
			message:
				'Thank you for letting me shadow your queue on Tuesday. I now flag invoice holds that will turn into customer calls.'
		},
		{
			from: desk,
			to: [payroll],
			behaviour: 'reliability',
			cross: true,
			at: ago(12),
			message:
				'You promised the overtime fix by Friday and called on Thursday to say it was done. The night shift noticed.'
		},
		{
			from: leader,
			to: [manager, ar],
			behaviour: 'leading-by-example',
			cross: false,
			at: ago(15),
			message: 'Running the month-end retro with Customer Care in the room changed what we measure. Thank you both.'
		},
		{
			from: orders,
			to: [ar],
			behaviour: 'customer-focus',
			cross: true,
			at: ago(20),
			message: 'You spotted that the credit hold would stop a key customer’s order and sorted it before they noticed.'
		},
		{
			from: admin,
			to: [desk],
			behaviour: 'empathy',
			cross: true,
			at: ago(25),
			message: 'You stayed calm with a very frustrated new starter and got them working before their first meeting.'
		}
	];
	for (const t of thanks) {
		const id = newId();
		await trx
			.insertInto('recognitions')
			.values({
				id,
				from_id: t.from,
				behaviour_slug: t.behaviour,
				message: t.message,
				cross_department: t.cross ? 1 : 0,
				created_at: t.at
			})
			.execute();
		await trx
			.insertInto('recognition_recipients')
			.values([...new Set(t.to)].map((person_id) => ({ recognition_id: id, person_id })))
			.execute();
	}

	// Sessions: noon in London, whole days from now, on a working day there.
	const timeZone = 'Europe/London';
	const noon = (daysFromNow: number) => workingDayAt(now, daysFromNow, '12:00', timeZone);
	const session = (fields: {
		topic: string;
		description: string;
		presenter: string;
		organiser: string;
		day: number;
		minutes: number;
		place: string;
		video: string;
		capacity: number;
	}) => {
		const start = noon(fields.day);
		return {
			id: newId(),
			topic: fields.topic,
			description: fields.description,
			presenter_id: fields.presenter,
			organiser_id: fields.organiser,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + fields.minutes * 60_000).toISOString(),
			time_zone: timeZone,
			place: fields.place,
			video_url: fields.video,
			capacity: fields.capacity,
			sequence: 0,
			created_at: ago(10),
			updated_at: ago(10),
			cancelled_at: null
		};
	};
	const upcoming = [
		session({
			topic: 'A day on the Customer Care phones',
			description:
				'What the top five call reasons are, which of them start in the back office, and what an agent can see on their screen when you put an invoice on hold.',
			presenter: care1,
			organiser: pick('Customer Care', 0),
			day: 6,
			minutes: 45,
			place: 'Atrium, 2nd floor',
			video: 'https://meet.example.com/care-day',
			capacity: 25
		}),
		session({
			topic: 'Month-end close, explained in 30 minutes',
			description:
				'Why we ask for accruals by day three, what happens if they arrive late, and how it shows up in the reports business units read.',
			presenter: ar,
			organiser: manager,
			day: 10,
			minutes: 30,
			place: '',
			video: 'https://meet.example.com/month-end',
			capacity: 40
		}),
		session({
			topic: 'Reading a payslip like an employee does',
			description:
				'A walk through the questions employees actually ask about their payslips, and the three changes that cut payroll queries by a third in our pilot team.',
			presenter: payroll,
			organiser: leader,
			day: 3,
			minutes: 45,
			place: 'Room 4.12',
			video: '',
			capacity: 3
		})
	];
	const past = [
		session({
			topic: 'How the Service Desk triages your tickets',
			description: 'Priority rules, what makes a ticket bounce, and how to write one that gets solved first time.',
			presenter: desk,
			organiser: pick('Service Desk', 0),
			day: -14,
			minutes: 45,
			place: 'Atrium, 2nd floor',
			video: '',
			capacity: 20
		}),
		session({
			topic: 'Orders that go wrong, and why',
			description:
				'Order Management walks through three real orders that went wrong and where the back office could have caught them.',
			presenter: orders,
			organiser: manager,
			// Within the 30 days Connect lists past sessions for, even after a weekend moves it back.
			day: -21,
			minutes: 45,
			place: '',
			video: 'https://meet.example.com/orders',
			capacity: 30
		}),
		// Two working days ago, and the organiser has not yet taken the attendance: it waits on him.
		session({
			topic: 'Onboarding a new starter, from the HR side',
			description:
				'Which forms Recruitment & Onboarding needs from a hiring manager and when, why a late contract delays the first payslip, and how to check where a new starter’s access request stands.',
			presenter: pick('Recruitment & Onboarding', 1),
			organiser: manager,
			day: -2,
			minutes: 30,
			place: 'Room 3.04',
			video: '',
			capacity: 20
		})
	];
	await trx
		.insertInto('lunch_sessions')
		.values([...upcoming, ...past])
		.execute();

	const rsvp = (
		sessionId: string,
		personId: string,
		status: 'going' | 'waitlist',
		hoursAgo: number,
		attended: number | null = null
	) => ({
		session_id: sessionId,
		person_id: personId,
		status,
		rsvp_at: ago(0, hoursAgo),
		attended
	});
	const full = upcoming[2]!;
	await trx
		.insertInto('lunch_rsvps')
		.values([
			rsvp(upcoming[0]!.id, manager, 'going', 30),
			rsvp(upcoming[0]!.id, staff, 'going', 26),
			rsvp(upcoming[0]!.id, pick('Payroll', 2), 'going', 28),
			rsvp(upcoming[1]!.id, pick('Customer Care', 3), 'going', 20),
			rsvp(full.id, pick('Accounts Payable', 2), 'going', 50),
			rsvp(full.id, pick('Customer Care', 4), 'going', 49),
			rsvp(full.id, pick('Service Desk', 2), 'going', 48),
			rsvp(full.id, pick('Order Management', 2), 'waitlist', 40),
			rsvp(past[0]!.id, staff, 'going', 400, 1),
			rsvp(past[0]!.id, pick('Payroll', 3), 'going', 390, 1),
			rsvp(past[0]!.id, pick('Customer Care', 5), 'going', 380, 0),
			rsvp(past[1]!.id, staff, 'going', 800, 1),
			rsvp(past[1]!.id, pick('Accounts Receivable', 2), 'going', 790, 1),
			rsvp(past[2]!.id, pick('Accounts Payable', 1), 'going', 100),
			rsvp(past[2]!.id, pick('Payroll', 2), 'going', 96),
			rsvp(past[2]!.id, care2, 'going', 90)
		])
		.execute();
}
