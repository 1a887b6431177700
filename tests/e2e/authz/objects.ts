import SQLite from 'better-sqlite3';
import type { Objects } from './matrix';

/**
 * The objects the authorization matrix and the hostile-input spec request routes with, looked up
 * in a database holding the demo organisation: Accounts Payable's (the "here" personas' team), or
 * belonging to people who are none of the personas.
 */
export function lookUpObjects(databasePath: string): Objects {
	const db = new SQLite(databasePath, { readonly: true });
	const one = (query: string, ...args: unknown[]): string => {
		const value = db
			.prepare(query)
			.pluck()
			.get(...args) as string | undefined;
		if (!value) throw new Error(`The demo data has nothing for: ${query}`);
		return value;
	};
	const personaEmails = [
		'staff@ripple.test',
		'manager@ripple.test',
		'leader@ripple.test',
		'admin@ripple.test',
		'carlos.mendoza@northwind.example',
		'isabelle.laurent@northwind.example'
	];
	const personaIds = personaEmails.map((email) => one('select id from people where email = ?', email));
	const notPersonas = `(${personaIds.map((id) => `'${id}'`).join(', ')})`;
	const attemptOf = (personId: string) => {
		const row = db
			.prepare(
				'select id, module_slug from check_attempts where person_id = ? and questions is not null order by submitted_at'
			)
			.get(personId) as { id: string; module_slug: string } | undefined;
		if (!row) throw new Error('The demo data has no reviewable knowledge-check attempt of the staff persona');
		return { attempt: row.id, attemptModule: row.module_slug };
	};
	try {
		const apTeam = one("select id from teams where name = 'Accounts Payable'");
		const apPerson = one(
			`select id from people where team_id = ? and active = 1 and id not in ${notPersonas} order by name`,
			apTeam
		);
		const manager = personaIds[1]!;
		const pair = one(
			`select id from buddy_pairs p where not exists (select 1 from buddy_pair_members m where m.pair_id = p.id and m.person_id in ${notPersonas}) order by id`
		);
		return {
			apTeam,
			apPerson,
			observation: one(
				`select o.id from observations o join people p on p.id = o.person_id where p.team_id = ? and o.person_id not in ${notPersonas} and o.author_id = ? order by o.id`,
				apTeam,
				manager
			),
			module: 'why-internal-service-matters',
			lesson: '01-who-your-internal-customers-are',
			path: 'back-office-foundations',
			pair,
			plan:
				(db.prepare('select id from buddy_plans where pair_id = ?').pluck().get(pair) as string | undefined) ??
				'no-such-plan',
			// Run by the admin, so the managers only nominate and the leaders are strangers to it.
			cycle: one("select id from buddy_cycles where owner_id = ? and status = 'published'", personaIds[3]),
			// Organised and presented by people who are none of the personas.
			lunch: one(
				`select id from lunch_sessions where organiser_id not in ${notPersonas} and presenter_id not in ${notPersonas} and cancelled_at is null order by starts_at`
			),
			// Open for booking: upcoming, in a team none of the personas belongs to or manages.
			slot: one(
				"select s.id from shadow_slots s join teams t on t.id = s.team_id where t.name = 'Service Desk' and s.cancelled_at is null and s.starts_at > ? order by s.starts_at",
				new Date().toISOString()
			),
			visit: one(
				`select v.id from shadow_visits v join shadow_slots s on s.id = v.slot_id join teams t on t.id = s.team_id join people p on p.id = v.visitor_id
				where t.name = 'Customer Care' and p.team_id = ? and v.visitor_id not in ${notPersonas} and s.host_id not in ${notPersonas} order by v.id`,
				apTeam
			),
			own: {
				visit: one('select id from shadow_visits where visitor_id = ? order by starts_at desc', personaIds[0]),
				observation: one(
					'select id from observations where person_id = ? and author_id <> ? order by id',
					personaIds[0],
					personaIds[0]
				),
				pair: one(
					"select m.pair_id from buddy_pair_members m join buddy_pairs p on p.id = m.pair_id join buddy_cycles c on c.id = p.cycle_id where m.person_id = ? and c.status = 'published'",
					personaIds[0]
				),
				...attemptOf(personaIds[0]!)
			},
			metric: one('select id from metrics order by id'),
			behaviour: one('select id from behaviours order by id')
		};
	} finally {
		db.close();
	}
}
