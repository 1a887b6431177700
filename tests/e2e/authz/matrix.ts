/**
 * Who may reach each route, declared once per route of the tree (issue 8). The matrix spec
 * requests every page and endpoint as each persona, and every form action as each persona that
 * must be refused, with objects that belong to the Accounts Payable team (the "here" personas')
 * or to people none of the personas are. A route of the tree without an entry here fails the spec.
 */

export const personas = ['anon', 'staff', 'mgr', 'mgrX', 'lead', 'leadX', 'admin'] as const;
export type Persona = (typeof personas)[number];

/** What a request gets: served (2xx, or a redirect elsewhere than sign-in), refused (401/403/404/405/410), or sent to sign in. */
export type Outcome = 'ok' | 'no' | 'login';
export type Expectation = Record<Persona, Outcome>;

export const personaLabels: Record<Persona, string> = {
	anon: 'anonymous',
	staff: 'staff member of Accounts Payable (Priya Raman)',
	mgr: 'manager of Accounts Payable (Tomasz Nowak)',
	mgrX: 'manager of another team, Customer Care (Carlos Mendoza)',
	lead: 'leader of Finance Shared Services, which holds Accounts Payable (Hannah de Vries)',
	leadX: 'leader of another unit, Customer Operations (Isabelle Laurent)',
	admin: 'admin (Amara Nwosu)'
};

/** The listed signed-in personas are served; the others refused; anonymous is sent to sign in (or served, when listed). */
export function only(...allowed: Persona[]): Expectation {
	const outcome = (p: Persona): Outcome => (allowed.includes(p) ? 'ok' : p === 'anon' ? 'login' : 'no');
	return Object.fromEntries(personas.map((p) => [p, outcome(p)])) as Expectation;
}
export const signedIn = only('staff', 'mgr', 'mgrX', 'lead', 'leadX', 'admin');
export const anyone = only('anon', 'staff', 'mgr', 'mgrX', 'lead', 'leadX', 'admin');
export const admins = only('admin');
/** Refused to everyone, signed in or not (a bad token, a retired address). */
export const nobody: Expectation = Object.fromEntries(personas.map((p) => [p, 'no'])) as Expectation;
/** Sent to sign in whoever asks. */
const toSignIn: Expectation = Object.fromEntries(personas.map((p) => [p, 'login'])) as Expectation;
/** Scorecard pages of Accounts Payable: its manager, the leader above it, admins. */
const apScorecard = only('mgr', 'lead', 'admin');

/** Object ids the routes are requested with, looked up in the e2e database. */
export interface Objects {
	apTeam: string;
	/** A member of Accounts Payable who is none of the personas. */
	apPerson: string;
	/** An observation about apPerson written by the Accounts Payable manager. */
	observation: string;
	module: string;
	lesson: string;
	path: string;
	/** A buddy pairing none of the personas is in, and one of its plans. */
	pair: string;
	plan: string;
	cycle: string;
	lunch: string;
	slot: string;
	/** A visit to Customer Care by an Accounts Payable member who is none of the personas. */
	visit: string;
	metric: string;
	behaviour: string;
	/** The staff persona's own: their shadowing visit, an observation about them, their live buddy pair. */
	own: { visit: string; observation: string; pair: string };
}

export interface RouteRule {
	params?: (o: Objects) => Record<string, string>;
	/** Query string for page and endpoint requests, e.g. `?team=…`. */
	query?: (o: Objects) => string;
	/** For the page (GET). */
	page?: Expectation;
	/** For each method of a `+server.ts`. */
	methods?: Record<string, Expectation>;
	/** For each form action: who may use it. Only the refused personas are sent (see the spec). */
	actions?: Record<string, Expectation>;
}

const module = (o: Objects) => ({ module: o.module });
const team = (o: Objects) => ({ id: o.apTeam });

export const matrix: Record<string, RouteRule> = {
	'/(app)': { page: signedIn },
	'/(app)/admin/audit': { page: admins },
	'/(app)/admin/behaviours': {
		page: admins,
		actions: { createValue: admins, updateValue: admins, deleteValue: admins, moveValue: admins, moveBehaviour: admins }
	},
	'/(app)/admin/behaviours/[id]': {
		params: (o) => ({ id: o.behaviour }),
		page: admins,
		actions: { update: admins, archive: admins, restore: admins }
	},
	'/(app)/admin/behaviours/new': { page: admins, actions: { default: admins } },
	'/(app)/admin/import': { page: admins, actions: { preview: admins, apply: admins } },
	'/(app)/admin/import/template.csv': { methods: { GET: admins } },
	'/(app)/admin/integrations': { page: admins, actions: { create: admins, revoke: admins } },
	'/(app)/admin/metrics': { page: admins },
	'/(app)/admin/metrics/[id]': {
		params: (o) => ({ id: o.metric }),
		page: admins,
		actions: { update: admins, archive: admins, restore: admins }
	},
	'/(app)/admin/metrics/new': { page: admins, actions: { default: admins } },
	'/(app)/admin/org': {
		page: admins,
		actions: {
			createUnit: admins,
			updateUnit: admins,
			deleteUnit: admins,
			createTeam: admins,
			updateTeam: admins,
			deleteTeam: admins
		}
	},
	'/(app)/admin/people': { page: admins },
	'/(app)/admin/people/[id]': {
		params: (o) => ({ id: o.apPerson }),
		page: admins,
		actions: {
			update: admins,
			grant: admins,
			revoke: admins,
			deactivate: admins,
			reactivate: admins,
			endSession: admins,
			endAllSessions: admins,
			erase: admins,
			invite: admins
		}
	},
	'/(app)/admin/people/[id]/export.json': { params: (o) => ({ id: o.apPerson }), methods: { GET: admins } },
	'/(app)/admin/people/new': { page: admins, actions: { default: admins } },

	'/(app)/connect': { page: signedIn },
	'/(app)/connect/buddies': { page: signedIn, actions: { join: signedIn } },
	// Leaders and admins run buddy cycles for their units.
	'/(app)/connect/buddies/new': {
		page: only('lead', 'leadX', 'admin'),
		actions: { default: only('lead', 'leadX', 'admin') }
	},
	'/(app)/connect/buddies/cycles/[id]': {
		params: (o) => ({ id: o.cycle }),
		// Managers open a cycle to nominate their own people; its owner (here the admin) and admins run it.
		page: only('mgr', 'mgrX', 'admin'),
		actions: {
			nominate: only('mgr', 'mgrX', 'admin'),
			run: admins,
			lock: admins,
			exclude: admins,
			swap: admins,
			publish: admins
		}
	},
	'/(app)/connect/buddies/pairs/[id]': {
		params: (o) => ({ id: o.pair }),
		page: admins,
		actions: { meeting: only(), plan: only(), cancelPlan: only(), fit: only() }
	},
	'/(app)/connect/buddies/pairs/[id]/plans/[planId]/calendar.ics': {
		params: (o) => ({ id: o.pair, planId: o.plan }),
		methods: { GET: only() }
	},
	'/(app)/connect/recognition': { page: signedIn, actions: { default: signedIn } },
	'/(app)/connect/sessions': { page: signedIn },
	'/(app)/connect/sessions/[id]': {
		params: (o) => ({ id: o.lunch }),
		page: signedIn,
		actions: { rsvp: signedIn, cancel: signedIn, attendance: admins, cancelSession: admins }
	},
	'/(app)/connect/sessions/[id]/calendar.ics': { params: (o) => ({ id: o.lunch }), methods: { GET: signedIn } },
	// Managers, leaders and admins organise lunch-and-learn sessions.
	'/(app)/connect/sessions/new': {
		page: only('mgr', 'mgrX', 'lead', 'leadX', 'admin'),
		actions: { default: only('mgr', 'mgrX', 'lead', 'leadX', 'admin') }
	},
	'/(app)/connect/shadowing': { page: signedIn },
	'/(app)/connect/shadowing/manage': {
		page: only('mgr', 'mgrX', 'admin'),
		actions: { publish: only('mgr', 'mgrX', 'admin'), blackout: only('mgr', 'mgrX', 'admin') }
	},
	'/(app)/connect/shadowing/slots/[id]': {
		params: (o) => ({ id: o.slot }),
		page: signedIn,
		actions: { default: signedIn }
	},
	'/(app)/connect/shadowing/visits/[id]': {
		params: (o) => ({ id: o.visit }),
		// The visitor's manager approves, the host team (Customer Care) confirms and gives feedback, the visitor reflects.
		page: only('mgr', 'mgrX', 'admin'),
		actions: {
			approve: only('mgr', 'admin'),
			decline: only('mgr', 'admin'),
			confirm: only('mgrX', 'admin'),
			hostDecline: only('mgrX', 'admin'),
			cancel: only(),
			reflect: only(),
			feedback: only('mgrX', 'admin')
		}
	},
	'/(app)/connect/shadowing/visits/[id]/calendar.ics': {
		params: (o) => ({ id: o.visit }),
		methods: { GET: only('mgr', 'mgrX', 'admin') }
	},

	'/(app)/growth': { page: signedIn, actions: { respond: signedIn } },
	'/(app)/learn': { page: signedIn },
	'/(app)/learn/[module]': { params: module, page: signedIn },
	'/(app)/learn/[module]/[lesson]': {
		params: (o) => ({ module: o.module, lesson: o.lesson }),
		page: signedIn,
		actions: { complete: signedIn }
	},
	'/(app)/learn/[module]/certificate': { params: module, page: signedIn },
	'/(app)/learn/[module]/check': { params: module, page: signedIn, actions: { default: signedIn } },
	'/(app)/learn/[module]/reflect': {
		params: module,
		page: signedIn,
		actions: { reflections: signedIn, practice: signedIn }
	},
	'/(app)/learn/paths/[path]': { params: (o) => ({ path: o.path }), page: signedIn },
	'/(app)/learn/team': {
		query: (o) => `?team=${o.apTeam}`,
		page: only('mgr', 'mgrX', 'lead', 'leadX', 'admin'),
		actions: { assign: only('mgr', 'mgrX', 'admin'), withdraw: only('mgr', 'mgrX', 'admin') }
	},
	// The export is of a team one manages; the leader sees the unit's roll-up on the page instead.
	'/(app)/learn/team/export.csv': { query: (o) => `?team=${o.apTeam}`, methods: { GET: only('mgr', 'admin') } },

	'/(app)/measure': { page: only('mgr', 'mgrX', 'lead', 'leadX', 'admin') },
	'/(app)/measure/export.csv': { methods: { GET: only('mgr', 'mgrX', 'lead', 'leadX', 'admin') } },
	'/(app)/measure/import': {
		page: only('mgr', 'mgrX', 'admin'),
		actions: { preview: only('mgr', 'mgrX', 'admin'), apply: only('mgr', 'mgrX', 'admin') }
	},
	'/(app)/measure/import/template.csv': { methods: { GET: only('mgr', 'mgrX', 'admin') } },
	'/(app)/measure/teams/[id]': { params: team, page: apScorecard },
	'/(app)/measure/teams/[id]/assessment': { params: team, page: apScorecard, actions: { default: apScorecard } },
	'/(app)/measure/teams/[id]/feedback': {
		params: team,
		page: only('mgr', 'admin'),
		actions: { case: only('mgr', 'admin'), standing: only('mgr', 'admin'), close: only('mgr', 'admin') }
	},
	'/(app)/measure/teams/[id]/metrics': {
		params: team,
		page: only('mgr', 'admin'),
		actions: { default: only('mgr', 'admin') }
	},
	'/(app)/measure/teams/[id]/observations': { params: team, page: apScorecard },

	'/(app)/observations/[id]': {
		params: (o) => ({ id: o.observation }),
		page: only('mgr', 'lead', 'admin'),
		actions: { respond: only(), delete: only('mgr', 'admin') }
	},
	'/(app)/observations/[id]/edit': {
		params: (o) => ({ id: o.observation }),
		page: only('mgr'),
		actions: { default: only('mgr') }
	},
	'/(app)/observations/new': { query: (o) => `?person=${o.apPerson}`, page: signedIn, actions: { default: signedIn } },
	'/(app)/people/[id]': { params: (o) => ({ id: o.apPerson }), page: only('mgr', 'lead', 'admin') },
	'/(app)/people/[id]/observations': { params: (o) => ({ id: o.apPerson }), page: only('mgr', 'lead', 'admin') },
	'/(app)/profile': { page: signedIn, actions: { calendar: signedIn, preferences: signedIn } },
	'/(app)/profile/export.json': { methods: { GET: signedIn } },
	'/(app)/profile/password': { page: signedIn, actions: { default: signedIn } },

	// The API takes an integration's bearer token, never a session: every persona is refused.
	'/api/v1/metrics': { methods: { POST: nobody, fallback: nobody } },
	'/calendar/[token]': { params: () => ({ token: 'not-a-real-feed-token.ics' }), methods: { GET: nobody } },
	'/feedback/[token]': {
		params: () => ({ token: 'not-a-real-feedback-token' }),
		page: nobody,
		actions: { default: nobody }
	},
	'/feedback/[token]/thanks': { params: () => ({ token: 'not-a-real-feedback-token' }), page: nobody },
	'/healthz': { methods: { GET: anyone } },
	// An unusable link shows why on the page; setting a password through it is refused.
	'/invite/[token]': {
		params: () => ({ token: 'not-a-real-invite-token' }),
		page: anyone,
		actions: { default: nobody }
	},
	'/login': { page: anyone, actions: { default: anyone } },
	'/logout': { methods: { POST: anyone } },
	// First-run setup is over once an admin exists: it sends everyone to sign in.
	'/setup': { page: toSignIn, actions: { default: toSignIn } },
	'/theme': { methods: { POST: anyone } },
	// Certificates are public by design; an unknown code says so on the page.
	'/verify/[code]': { params: () => ({ code: 'NOTACODE00' }), page: anyone }
};
