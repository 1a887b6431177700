import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { actorFor } from '../../src/lib/server/auth/actor';
import { loadCurrentUser } from '../../src/lib/server/auth/current-user';
import { recordFit } from '../../src/lib/server/buddies/pairs';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { createCaseLink } from '../../src/lib/server/feedback/service';
import { requestVisit } from '../../src/lib/server/shadowing/service';
import { DEMO_PASSWORD } from './fixtures';
import {
	freePorts,
	root,
	sessionCookie,
	startInstance,
	stopInstance,
	waitUntilHealthy,
	type Instance
} from './servers';

/**
 * Page data carries only what its viewer may see (issue 13): the markup may hide a field, but the
 * data a load returns reaches the browser whole, in the HTML and in `<page>/__data.json`. Private
 * markers are written by one person into the records other people's pages show: a buddy's fit-check
 * note, a shadowing slot's video link (shared only once a visit is confirmed), a learner's private and
 * buddy-only reflections, a manager's observation evidence, a case link's requester email. Then each
 * kind of viewer opens every page that shows those records, and a marker may appear only to those
 * the rules let see it. A few markers must appear to the people allowed, so the pages really carry
 * the records being checked.
 *
 * The spec runs its own server on a copy of the demo database, so the markers reach no other test.
 */

test.describe.configure({ mode: 'default' });

const viewers = {
	staff: 'staff@ripple.test',
	/** Priya's buddy in the published cycle, in Customer Care. */
	buddy: 'jessica.taylor@northwind.example',
	mgr: 'manager@ripple.test',
	lead: 'leader@ripple.test',
	admin: 'admin@ripple.test',
	/** Manages Customer Care: the buddy's manager, nobody's in Accounts Payable. */
	mgrX: 'carlos.mendoza@northwind.example',
	/** Leads Customer Operations, outside Finance Shared Services. */
	leadX: 'isabelle.laurent@northwind.example',
	/** Service Desk, with no part in any of the records. */
	stranger: 'mark.jenkins@northwind.example'
} as const;
type Viewer = keyof typeof viewers;
const everyone = Object.keys(viewers) as Viewer[];

type PageKey =
	| 'home'
	| 'connect'
	| 'buddies'
	| 'pair'
	| 'shadowing'
	| 'pendingSlot'
	| 'confirmedSlot'
	| 'pendingVisit'
	| 'confirmedVisit'
	| 'observation'
	| 'person'
	| 'personObservations'
	| 'team'
	| 'teamObservations'
	| 'teamFeedback'
	| 'learnTeam';

interface Marker {
	token: string;
	/** Who may read it, and on which pages; everyone else must never receive it. */
	visibleTo: (viewer: Viewer, page: PageKey) => boolean;
}

const nobody = () => false;
const only =
	(...allowed: Viewer[]) =>
	(viewer: Viewer) =>
		allowed.includes(viewer);

const markers = {
	/** The buddy's own note for the cycle owner: the buddy and those overseeing the pair, never the other buddy. */
	fitNote: { token: 'MarkerFitNoteQ7', visibleTo: only('buddy', 'admin', 'mgr', 'lead', 'mgrX', 'leadX') },
	/** The video link of a slot Priya has only requested: nobody until the host confirms. */
	pendingVideo: { token: 'MarkerPendingVideoQ7', visibleTo: nobody },
	/**
	 * The video link of Priya's confirmed visit: on that visit's page only, for those who see the visit
	 * (Priya, those who manage or lead her, admins, and the host team's managers).
	 */
	confirmedVideo: {
		token: 'MarkerConfirmedVideoQ7',
		visibleTo: (viewer, page) =>
			page === 'confirmedVisit' && (['staff', 'mgr', 'lead', 'admin'].includes(viewer) || hostManagers.has(viewer))
	},
	privateReflection: { token: 'MarkerPrivateReflectionQ7', visibleTo: only('staff') },
	buddyReflection: { token: 'MarkerBuddyReflectionQ7', visibleTo: only('staff', 'buddy') },
	sharedReflection: { token: 'MarkerSharedReflectionQ7', visibleTo: only('staff', 'mgr', 'lead', 'admin') },
	/** Evidence of the manager's observation about Priya: Priya, whoever manages or leads her, admins. */
	evidence: { token: 'MarkerEvidenceQ7', visibleTo: only('staff', 'mgr', 'lead', 'admin') },
	/** The page promises the requester's address is not shown again, to anyone. */
	requesterEmail: { token: 'marker.requester.q7@e2e.example', visibleTo: nobody }
} satisfies Record<string, Marker>;

/** Where a marker must arrive, so that its absence elsewhere means something. */
const mustShow: [Viewer, PageKey, keyof typeof markers][] = [
	['admin', 'pair', 'fitNote'],
	['buddy', 'pair', 'fitNote'],
	['staff', 'confirmedVisit', 'confirmedVideo'],
	['mgr', 'person', 'sharedReflection'],
	['staff', 'observation', 'evidence'],
	['mgr', 'observation', 'evidence'],
	['lead', 'teamObservations', 'evidence']
];

let dir: string;
let databasePath: string;
let server: Instance;
let clients: Record<Viewer, APIRequestContext>;
let pages: Record<PageKey, string>;
/** Viewers who manage the team hosting Priya's confirmed visit. */
const hostManagers = new Set<Viewer>();

async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
	const db = openDatabase(databasePath);
	return work(db).finally(() => db.destroy());
}

async function idOf(db: Db, email: string): Promise<string> {
	return (await db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function actorOf(db: Db, email: string) {
	return actorFor((await loadCurrentUser(db, await idOf(db, email)))!, null);
}

/** Writes every marker through the services (or, where no form writes it, into its column). */
async function writeMarkers(db: Db): Promise<Record<PageKey, string>> {
	const now = new Date();
	const priya = await actorOf(db, viewers.staff);
	const jessica = await actorOf(db, viewers.buddy);
	const tomasz = await actorOf(db, viewers.mgr);
	const { team_id: teamId } = await db
		.selectFrom('people')
		.select('team_id')
		.where('id', '=', priya.id)
		.executeTakeFirstOrThrow();
	if (!teamId) throw new Error('Priya has no team in the demo');

	const pair = await db
		.selectFrom('buddy_pairs')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.innerJoin('buddy_pair_members as mine', 'mine.pair_id', 'buddy_pairs.id')
		.innerJoin('buddy_pair_members as theirs', 'theirs.pair_id', 'buddy_pairs.id')
		.select('buddy_pairs.id')
		.where('buddy_cycles.status', '=', 'published')
		.where('mine.person_id', '=', priya.id)
		.where('theirs.person_id', '=', jessica.id)
		.executeTakeFirstOrThrow();
	const fit = await recordFit(
		db,
		jessica,
		pair.id,
		{ fit: 'unsure', note: `${markers.fitNote.token} for the owner` },
		now
	);
	expect(fit.ok, 'the buddy records the fit').toBe(true);

	// Priya requests the first open slot she may: it waits for her manager.
	const slots = await db
		.selectFrom('shadow_slots')
		.select(['id', 'team_id'])
		.where('cancelled_at', 'is', null)
		.where('starts_at', '>', now.toISOString())
		.where('team_id', '!=', teamId)
		.orderBy('starts_at')
		.execute();
	let pendingVisit: { slotId: string; visitId: string } | undefined;
	for (const slot of slots) {
		const result = await requestVisit(
			db,
			priya,
			slot.id,
			{ objectives: 'See how a query is handled from first contact to close.' },
			now
		);
		if (result.ok && result.status === 'pending_manager') {
			pendingVisit = { slotId: slot.id, visitId: result.id };
			break;
		}
	}
	if (!pendingVisit) throw new Error('No slot in the demo takes a request from Priya');
	await db
		.updateTable('shadow_slots')
		.set({ video_url: `https://video.example/${markers.pendingVideo.token}` })
		.where('id', '=', pendingVisit.slotId)
		.execute();

	const confirmed = await db
		.selectFrom('shadow_visits')
		.select(['id', 'slot_id'])
		.where('visitor_id', '=', priya.id)
		.where('status', '=', 'confirmed')
		.executeTakeFirstOrThrow();
	await db
		.updateTable('shadow_slots')
		.set({ video_url: `https://video.example/${markers.confirmedVideo.token}` })
		.where('id', '=', confirmed.slot_id)
		.execute();
	const hosts = await db
		.selectFrom('shadow_slots')
		.innerJoin('role_grants', 'role_grants.team_id', 'shadow_slots.team_id')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.select('people.email')
		.where('shadow_slots.id', '=', confirmed.slot_id)
		.where('role_grants.role', '=', 'manager')
		.execute();
	for (const viewer of everyone) if (hosts.some((h) => h.email === viewers[viewer])) hostManagers.add(viewer);

	const module = 'breaking-down-silos';
	await db.deleteFrom('reflections').where('person_id', '=', priya.id).where('module_slug', '=', module).execute();
	const at = now.toISOString();
	const reflection = (prompt_id: string, token: string, buddy: number, manager: number) => ({
		person_id: priya.id,
		module_slug: module,
		prompt_id,
		body: `${token}: what I noticed.`,
		share_with_buddy: buddy,
		share_with_manager: manager,
		created_at: at,
		updated_at: at
	});
	await db
		.insertInto('reflections')
		.values([
			reflection('where-it-fell', markers.sharedReflection.token, 0, 1),
			reflection('next-team-along', markers.privateReflection.token, 0, 0),
			reflection('unthanked-fix', markers.buddyReflection.token, 1, 0)
		])
		.execute();

	const observation = await db
		.selectFrom('observations')
		.select('id')
		.where('person_id', '=', priya.id)
		.where('author_id', '=', tomasz.id)
		.orderBy('observed_on', 'desc')
		.executeTakeFirstOrThrow();
	const token = markers.evidence.token;
	await db
		.updateTable('observations')
		.set({ situation: `${token} situation`, action: `${token} action`, impact: `${token} impact` })
		.where('id', '=', observation.id)
		.execute();

	await createCaseLink(
		db,
		tomasz,
		teamId,
		{ case_reference: 'MARKER-CASE-Q7', requester_email: markers.requesterEmail.token },
		now
	);

	return {
		home: '/',
		connect: '/connect',
		buddies: '/connect/buddies',
		pair: `/connect/buddies/pairs/${pair.id}`,
		shadowing: '/connect/shadowing',
		pendingSlot: `/connect/shadowing/slots/${pendingVisit.slotId}`,
		confirmedSlot: `/connect/shadowing/slots/${confirmed.slot_id}`,
		pendingVisit: `/connect/shadowing/visits/${pendingVisit.visitId}`,
		confirmedVisit: `/connect/shadowing/visits/${confirmed.id}`,
		observation: `/observations/${observation.id}`,
		person: `/people/${priya.id}`,
		personObservations: `/people/${priya.id}/observations`,
		team: `/measure/teams/${teamId}`,
		teamObservations: `/measure/teams/${teamId}/observations`,
		teamFeedback: `/measure/teams/${teamId}/feedback`,
		learnTeam: `/learn/team?team=${teamId}`
	};
}

/** The page's data endpoint: `/a/b?q` → `/a/b/__data.json?q`. */
function dataUrl(path: string): string {
	const url = new URL(path, 'http://x');
	const base = url.pathname === '/' ? '' : url.pathname;
	return `${base}/__data.json${url.search}`;
}

async function signIn(email: string): Promise<APIRequestContext> {
	const anon = await request.newContext({
		baseURL: server.origin,
		maxRedirects: 0,
		extraHTTPHeaders: { origin: server.origin }
	});
	const cookie = sessionCookie(await anon.post('/login', { form: { email, password: DEMO_PASSWORD } }));
	await anon.dispose();
	if (!cookie) throw new Error(`Could not sign in as ${email}`);
	return request.newContext({ baseURL: server.origin, maxRedirects: 0, extraHTTPHeaders: { cookie } });
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'ripple-privacy-'));
	databasePath = join(dir, 'privacy.db');
	await backupSqlite(join(root, 'tests/.tmp/e2e.db'), databasePath);
	pages = await withDatabase(writeMarkers);

	const [port] = await freePorts(1);
	server = startInstance('privacy', port!, databasePath);
	await waitUntilHealthy(server, Date.now() + 60_000);
	const signedIn = await Promise.all(everyone.map(async (v) => [v, await signIn(viewers[v])] as const));
	clients = Object.fromEntries(signedIn) as Record<Viewer, APIRequestContext>;
});

test.afterAll(async () => {
	await Promise.all(Object.values(clients ?? {}).map((c) => c.dispose()));
	if (server) await stopInstance(server);
	rmSync(dir, { recursive: true, force: true });
});

test.afterEach(async () => {
	const testInfo = test.info();
	if (testInfo.status !== testInfo.expectedStatus && server)
		await testInfo.attach('server output', { body: server.output, contentType: 'text/plain' });
});

/** The HTML and the serialised data a viewer receives for a page, whatever its status. */
async function received(viewer: Viewer, page: PageKey): Promise<{ html: string; data: string; status: number }> {
	const client = clients[viewer];
	const [html, data] = await Promise.all([client.get(pages[page]), client.get(dataUrl(pages[page]))]);
	expect(html.status(), `${viewer} ${pages[page]}`).toBeLessThan(500);
	expect(data.status(), `${viewer} ${dataUrl(pages[page])}`).toBeLessThan(500);
	return { html: await html.text(), data: await data.text(), status: html.status() };
}

for (const viewer of everyone) {
	test(`${viewer} receives no marker they may not see, in any page's HTML or data`, async () => {
		const leaks: string[] = [];
		for (const page of Object.keys(pages) as PageKey[]) {
			const { html, data } = await received(viewer, page);
			for (const [name, marker] of Object.entries(markers) as [string, Marker][]) {
				if (marker.visibleTo(viewer, page)) continue;
				if (html.includes(marker.token)) leaks.push(`${name} in the HTML of ${pages[page]}`);
				if (data.includes(marker.token)) leaks.push(`${name} in ${dataUrl(pages[page])}`);
			}
		}
		expect(leaks).toEqual([]);
	});
}

test('the pages do carry the records checked, to those allowed to read them', async () => {
	for (const [viewer, page, name] of mustShow) {
		const marker: Marker = markers[name];
		expect(marker.visibleTo(viewer, page), `${name} is meant for ${viewer}`).toBe(true);
		const { html, status } = await received(viewer, page);
		expect(status, `${viewer} opens ${pages[page]}`).toBe(200);
		expect(html, `${name} reaches ${viewer} on ${pages[page]}`).toContain(marker.token);
	}
});
