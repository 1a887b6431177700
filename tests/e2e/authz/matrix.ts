/**
 * Who may reach each route, declared once per route of the tree (issue 8). The matrix spec
 * requests every page and endpoint as each persona, and every form action as each persona that
 * must be refused, with objects that belong to the Accounts Payable team (the "here" personas')
 * or to people none of the personas are. A route of the tree without an entry here fails the spec.
 *
 * Refusals follow the written rule (docs/architecture.md, "Authorization: 404 or 403"): `hidden`
 * (404) when the object does not exist or lies outside the persona's scope, `forbidden` (403) when
 * they may see it, or the page is a feature some people may use, but this is not theirs.
 */

export const personas = ['anon', 'staff', 'mgr', 'mgrX', 'lead', 'leadX', 'admin'] as const;
export type Persona = (typeof personas)[number];

/**
 * What a request gets: served (2xx, or a redirect elsewhere than sign-in), sent to sign in,
 * `forbidden` (403), `hidden` (404), or, for token addresses, refused in any way (`no`: 401, 403,
 * 404, 405 or 410).
 */
export type Outcome = 'ok' | 'login' | 'forbidden' | 'hidden' | 'no';
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

/**
 * A page or action every signed-in person knows exists: the listed personas are served, the
 * others forbidden; anonymous is sent to sign in (or served, when listed).
 */
export function only(...allowed: Persona[]): Expectation {
	const outcome = (p: Persona): Outcome => (allowed.includes(p) ? 'ok' : p === 'anon' ? 'login' : 'forbidden');
	return Object.fromEntries(personas.map((p) => [p, outcome(p)])) as Expectation;
}

/**
 * A page or action about one object: hidden from whoever may not see the object, forbidden to
 * those who see it but may not do this, served to `allowed` (by default everyone who sees it).
 */
export function within(see: Persona[], allowed: Persona[] = see): Expectation {
	const outcome = (p: Persona): Outcome =>
		p === 'anon' ? 'login' : allowed.includes(p) ? 'ok' : see.includes(p) ? 'forbidden' : 'hidden';
	return Object.fromEntries(personas.map((p) => [p, outcome(p)])) as Expectation;
}
export const signedIn = only('staff', 'mgr', 'mgrX', 'lead', 'leadX', 'admin');
export const anyone = only('anon', 'staff', 'mgr', 'mgrX', 'lead', 'leadX', 'admin');
export const admins = only('admin');
/** Refused to everyone, signed in or not (a bad token, a retired address). */
export const nobody: Expectation = Object.fromEntries(personas.map((p) => [p, 'no'])) as Expectation;
/** Sent to sign in whoever asks. */
const toSignIn: Expectation = Object.fromEntries(personas.map((p) => [p, 'login'])) as Expectation;
/** Who sees Accounts Payable's Measure pages: its manager, the leader above it, admins. */
const apSeen: Persona[] = ['mgr', 'lead', 'admin'];
const apScorecard = within(apSeen);
/** Who sees the stranger's buddy cycle (managers, to nominate; its owner, the admin). */
const cycleSeen: Persona[] = ['mgr', 'mgrX', 'admin'];
/** Who sees the Accounts Payable member's visit to Customer Care: their manager, the host team's, admins. */
const visitSeen: Persona[] = ['mgr', 'mgrX', 'admin'];
/** Who sees the observation about the Accounts Payable member: their manager (its author), the leader, admins. */
const observationSeen: Persona[] = ['mgr', 'lead', 'admin'];

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
	/**
	 * The staff persona's own: their shadowing visit, an observation about them, their live buddy
	 * pair, and a knowledge-check attempt that can be reviewed (with its module).
	 */
	own: { visit: string; observation: string; pair: string; attempt: string; attemptModule: string };
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
	'/(app)/admin/notifications': { page: admins, actions: { defaults: admins, test: admins } },
	// An unknown email: admins learn it does not exist, everyone else that the page is not theirs.
	'/(app)/admin/notifications/[id]': { params: () => ({ id: 'notarealemail' }), page: { ...admins, admin: 'hidden' } },
	'/(app)/admin/notifications/[id]/preview': {
		params: () => ({ id: 'notarealemail' }),
		methods: { GET: { ...admins, admin: 'hidden' } }
	},
	'/(app)/admin/notifications/export.csv': { methods: { GET: admins } },
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
			defaultLanguage: admins,
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
	'/(app)/admin/sign-in': { page: admins, actions: { enforce: admins } },
	'/(app)/admin/sign-in/providers/new': { page: admins, actions: { save: admins, test: admins } },
	// A provider that is not stored: admins learn it does not exist, everyone else that the page is not theirs.
	'/(app)/admin/sign-in/providers/[slug]': {
		params: () => ({ slug: 'no-such-provider' }),
		page: { ...admins, admin: 'hidden' },
		actions: {
			save: { ...admins, admin: 'hidden' },
			test: { ...admins, admin: 'hidden' },
			delete: { ...admins, admin: 'hidden' }
		}
	},
	'/(app)/admin/provisioning': { page: admins, actions: { create: admins } },
	// A connection that does not exist: admins learn so, everyone else that the page is not theirs.
	'/(app)/admin/provisioning/[id]': {
		params: () => ({ id: 'no-such-connection' }),
		page: { ...admins, admin: 'hidden' },
		actions: {
			settings: { ...admins, admin: 'hidden' },
			departments: { ...admins, admin: 'hidden' },
			groups: { ...admins, admin: 'hidden' },
			approve: { ...admins, admin: 'hidden' },
			reject: { ...admins, admin: 'hidden' },
			revoke: { ...admins, admin: 'hidden' }
		}
	},

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
		page: within(cycleSeen),
		actions: {
			nominate: within(cycleSeen),
			run: within(cycleSeen, ['admin']),
			lock: within(cycleSeen, ['admin']),
			exclude: within(cycleSeen, ['admin']),
			swap: within(cycleSeen, ['admin']),
			repair: within(cycleSeen, ['admin']),
			publish: within(cycleSeen, ['admin'])
		}
	},
	'/(app)/connect/buddies/pairs/[id]': {
		params: (o) => ({ id: o.pair }),
		page: within(['admin']),
		actions: {
			meeting: within(['admin'], []),
			plan: within(['admin'], []),
			cancelPlan: within(['admin'], []),
			fit: within(['admin'], [])
		}
	},
	'/(app)/connect/buddies/pairs/[id]/plans/[planId]/calendar.ics': {
		params: (o) => ({ id: o.pair, planId: o.plan }),
		methods: { GET: within(['admin'], []) }
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
		page: within(visitSeen),
		actions: {
			approve: within(visitSeen, ['mgr', 'admin']),
			decline: within(visitSeen, ['mgr', 'admin']),
			confirm: within(visitSeen, ['mgrX', 'admin']),
			hostDecline: within(visitSeen, ['mgrX', 'admin']),
			cancel: within(visitSeen, []),
			reflect: within(visitSeen, []),
			feedback: within(visitSeen, ['mgrX', 'admin'])
		}
	},
	'/(app)/connect/shadowing/visits/[id]/calendar.ics': {
		params: (o) => ({ id: o.visit }),
		methods: { GET: within(visitSeen) }
	},

	'/(app)/growth': { page: signedIn, actions: { respond: signedIn } },
	'/(app)/learn': { page: signedIn },
	'/(app)/learn/[module]': { params: module, page: signedIn },
	'/(app)/learn/[module]/[lesson]': {
		params: (o) => ({ module: o.module, lesson: o.lesson }),
		page: signedIn,
		actions: { complete: signedIn }
	},
	// The pack's guides: the manager guide for whoever leads people; takeaways and job aid are everyone's.
	'/(app)/learn/[module]/[doc=pack]': {
		params: (o) => ({ module: o.module, doc: 'manager-guide' }),
		page: only('mgr', 'mgrX', 'lead', 'leadX', 'admin')
	},
	'/(app)/learn/[module]/certificate': { params: module, page: signedIn },
	// A review shows one's own attempt only.
	'/(app)/learn/[module]/check/[attempt]': {
		params: (o) => ({ module: o.own.attemptModule, attempt: o.own.attempt }),
		page: within(['staff'])
	},
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
	// The export is of a team one manages; the leader above sees the team but exports nothing.
	'/(app)/learn/team/export.csv': {
		query: (o) => `?team=${o.apTeam}`,
		methods: { GET: within(apSeen, ['mgr', 'admin']) }
	},

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
		page: within(apSeen, ['mgr', 'admin']),
		actions: {
			case: within(apSeen, ['mgr', 'admin']),
			standing: within(apSeen, ['mgr', 'admin']),
			close: within(apSeen, ['mgr', 'admin'])
		}
	},
	'/(app)/measure/teams/[id]/metrics': {
		params: team,
		page: within(apSeen, ['mgr', 'admin']),
		actions: { default: within(apSeen, ['mgr', 'admin']) }
	},
	'/(app)/measure/teams/[id]/observations': { params: team, page: apScorecard },

	'/(app)/observations/[id]': {
		params: (o) => ({ id: o.observation }),
		page: within(observationSeen),
		actions: { respond: within(observationSeen, []), delete: within(observationSeen, ['mgr', 'admin']) }
	},
	'/(app)/observations/[id]/edit': {
		params: (o) => ({ id: o.observation }),
		page: within(observationSeen, ['mgr']),
		actions: { default: within(observationSeen, ['mgr']) }
	},
	'/(app)/observations/new': { query: (o) => `?person=${o.apPerson}`, page: signedIn, actions: { default: signedIn } },
	'/(app)/notifications': { page: signedIn, actions: { read: signedIn, readAll: signedIn } },
	// Someone else's notification, or none: nobody but its reader learns it exists.
	'/(app)/notifications/[id]': { params: () => ({ id: 'notarealnotification' }), methods: { GET: within([]) } },
	'/(app)/notifications/settings': { page: signedIn, actions: { default: signedIn } },
	'/(app)/people/[id]': { params: (o) => ({ id: o.apPerson }), page: within(apSeen) },
	'/(app)/people/[id]/observations': { params: (o) => ({ id: o.apPerson }), page: within(apSeen) },
	'/(app)/profile': { page: signedIn, actions: { calendar: signedIn, preferences: signedIn } },
	'/(app)/profile/export.json': { methods: { GET: signedIn } },
	'/(app)/profile/password': { page: signedIn, actions: { default: signedIn } },

	// The API takes an integration's bearer token, never a session: every persona is refused.
	'/api/v1/metrics': { methods: { POST: nobody, fallback: nobody } },
	// SCIM takes a directory connection's bearer token, never a session: every persona is refused.
	'/scim/v2/Users': { methods: { GET: nobody, POST: nobody, fallback: nobody } },
	'/scim/v2/Users/[id]': {
		params: (o) => ({ id: o.apPerson }),
		methods: { GET: nobody, PUT: nobody, PATCH: nobody, DELETE: nobody, fallback: nobody }
	},
	'/scim/v2/Groups': { methods: { GET: nobody, POST: nobody, fallback: nobody } },
	'/scim/v2/Groups/[id]': {
		params: () => ({ id: 'no-such-group' }),
		methods: { GET: nobody, PUT: nobody, PATCH: nobody, DELETE: nobody, fallback: nobody }
	},
	'/scim/v2/ServiceProviderConfig': { methods: { GET: nobody, fallback: nobody } },
	'/scim/v2/ResourceTypes': { methods: { GET: nobody, fallback: nobody } },
	'/scim/v2/Schemas': { methods: { GET: nobody, fallback: nobody } },
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
	// Single sign-on with a provider this Ripple does not have (the suite's server has none; sso.spec.ts
	// signs in through a real one).
	'/login/sso/[slug]': { params: () => ({ slug: 'no-such-provider' }), page: nobody },
	'/login/sso/[slug]/callback': { params: () => ({ slug: 'no-such-provider' }), page: nobody },
	'/logout': { methods: { POST: anyone } },
	// First-run setup is over once an admin exists: it sends everyone to sign in.
	'/setup': { page: toSignIn, actions: { default: toSignIn } },
	'/theme': { methods: { POST: anyone } },
	// The language switcher on pages without sign-in: anyone may choose a language for the page.
	'/language': { methods: { POST: anyone } },
	// An email's unsubscribe link works without signing in; a wrong token is refused to everyone.
	'/unsubscribe/[token]': {
		params: () => ({ token: 'nobody.learning.notasignature' }),
		page: nobody,
		actions: { default: nobody }
	},
	// Certificates are public by design; an unknown code says so on the page.
	'/verify/[code]': { params: () => ({ code: 'NOTACODE00' }), page: anyone }
};
