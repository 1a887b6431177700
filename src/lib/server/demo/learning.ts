import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { checkSchema, type KnowledgeCheck } from '../../learning/schemas';
import { drawnQuestions, drawQuestions, gradeCheck, type Answers } from '../learning/rules';
import { rngFromLabel } from './random';
import { demoPeople } from './northwind/people';

/**
 * Learning activity for the demo organisation: assignments, partial progress, completions (a few
 * on an earlier version) and reflections, so every learning page has something real to show.
 *
 * The seeder runs outside Vite (tsx), where content cannot be imported, so it reads the module
 * folders directly: the lesson file names and each module's version.
 */
interface ModuleOnDisk {
	slug: string;
	version: string;
	lessons: string[];
	reflections: string[];
	objectives: string[];
	check: KnowledgeCheck;
	/** "en" and every language the module is translated into. */
	locales: string[];
}

/** The ids listed under one top-level key of a module's frontmatter (`objectives:`, `reflections:`). */
function idsUnder(meta: string, key: string): string[] {
	const block = new RegExp(`^${key}:\\n((?:[ \\t].*\\n)+)`, 'm').exec(meta)?.[1] ?? '';
	return [...block.matchAll(/^\s*-\s*id:\s*([a-z0-9-]+)\s*$/gm)].map((m) => m[1]!);
}

function modulesOnDisk(root = join(process.cwd(), 'content', 'modules')): Map<string, ModuleOnDisk> {
	const modules = new Map<string, ModuleOnDisk>();
	for (const slug of readdirSync(root)) {
		let files: string[];
		try {
			files = readdirSync(join(root, slug));
		} catch {
			continue;
		}
		const meta = readFileSync(join(root, slug, 'module.md'), 'utf8');
		const version = /^version:\s*([\d.]+)\s*$/m.exec(meta)?.[1] ?? '1.0.0';
		const reflections = idsUnder(meta, 'reflections');
		const objectives = idsUnder(meta, 'objectives');
		const check = checkSchema.parse(JSON.parse(readFileSync(join(root, slug, 'check.json'), 'utf8')));
		const lessons = files
			.filter((f) => /^\d\d-.+\.md$/.test(f))
			.map((f) => f.replace(/\.md$/, ''))
			.sort();
		// The languages the module can be read in: English and each translation's folder.
		const locales = ['en', ...files.filter((f) => existsSync(join(root, slug, f, 'module.md')))];
		modules.set(slug, { slug, version, lessons, reflections, objectives, check, locales });
	}
	return modules;
}

/**
 * A drawn attempt answered with `wrong` questions missed (the first option shown that is not right),
 * graded as the server grades it. The draw is seeded by the module, so every load gives the same.
 */
function demoAttempt(mod: ModuleOnDisk, wrong: number) {
	const random = rngFromLabel(`check:${mod.slug}`);
	const draw = drawQuestions(mod.check, mod.objectives, new Set(), random);
	const shown = drawnQuestions(mod.check, draw)!;
	const answers: Answers = Object.fromEntries(
		shown.map((q, i) => [
			q.id,
			i < wrong ? [q.options.find((o) => !o.correct)!.id] : q.options.filter((o) => o.correct).map((o) => o.id)
		])
	);
	const grade = gradeCheck(shown, answers);
	return {
		answers: JSON.stringify(answers),
		score: grade.score,
		passed: grade.passed ? 1 : 0,
		questions: JSON.stringify(draw)
	};
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const code = () => {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	const out = [...bytes].map((b) => alphabet[b % 32]).join('');
	return `${out.slice(0, 5)}-${out.slice(5)}`;
};

type Progress =
	| { kind: 'completed'; module: string; daysAgo: number; earlierVersion?: boolean }
	| { kind: 'started'; module: string; lessons: number; daysAgo: number }
	| { kind: 'failed-check'; module: string; daysAgo: number };

/** Who has done what, by email. Earlier-version completions show the refresh story. */
const progress: Record<string, Progress[]> = {
	'staff@ripple.test': [
		{ kind: 'completed', module: 'breaking-down-silos', daysAgo: 20 },
		{ kind: 'started', module: 'why-internal-service-matters', lessons: 2, daysAgo: 2 },
		{ kind: 'completed', module: 'emotional-intelligence-at-work', daysAgo: 400, earlierVersion: true }
	],
	'manager@ripple.test': [
		{ kind: 'completed', module: 'why-internal-service-matters', daysAgo: 30 },
		{ kind: 'completed', module: 'leading-service-excellence', daysAgo: 12 },
		{ kind: 'started', module: 'giving-and-receiving-feedback', lessons: 3, daysAgo: 4 }
	],
	'leader@ripple.test': [
		{ kind: 'completed', module: 'leading-service-excellence', daysAgo: 45 },
		{ kind: 'completed', module: 'beyond-slas', daysAgo: 38 }
	]
};

/** Team members' progress, applied in order to each team's members (leaving some untouched). */
const teamPatterns: Progress[][] = [
	[{ kind: 'completed', module: 'why-internal-service-matters', daysAgo: 9 }],
	[{ kind: 'started', module: 'why-internal-service-matters', lessons: 3, daysAgo: 1 }],
	[
		{ kind: 'completed', module: 'why-internal-service-matters', daysAgo: 15 },
		{ kind: 'completed', module: 'giving-and-receiving-feedback', daysAgo: 6 }
	],
	[{ kind: 'failed-check', module: 'why-internal-service-matters', daysAgo: 3 }],
	[{ kind: 'completed', module: 'giving-and-receiving-feedback', daysAgo: 380, earlierVersion: true }],
	[]
];

const demoReflections: Record<string, string> = {
	'breaking-down-silos':
		'Shadowing the Customer Care team for an afternoon showed me how many of their calls start with a supplier invoice we are still holding. I now send them a heads-up when a payment run slips.'
};

export async function seedDemoLearning(
	trx: Db,
	ids: { people: Map<string, string>; teams: Map<string, string>; members: Map<string, string[]> },
	now: Date
): Promise<void> {
	const modules = modulesOnDisk();
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();

	const languageOf = new Map(demoPeople.map((p) => [ids.people.get(p.email), p.language]));
	const apply = async (personId: string, item: Progress) => {
		const mod = modules.get(item.module);
		if (!mod) return;
		const when = at(item.daysAgo);
		const lessons = item.kind === 'started' ? mod.lessons.slice(0, item.lessons) : mod.lessons;
		const version = item.kind === 'completed' && item.earlierVersion ? `0.9.0` : mod.version;
		if (lessons.length) {
			await trx
				.insertInto('lesson_completions')
				.values(
					lessons.map((lesson) => ({
						person_id: personId,
						module_slug: mod.slug,
						lesson_slug: lesson,
						completed_at: when
					}))
				)
				.onConflict((oc) => oc.columns(['person_id', 'module_slug', 'lesson_slug']).doNothing())
				.execute();
		}
		if (item.kind === 'completed' && item.earlierVersion) {
			// An earlier version: the learner has not opened the current one yet.
			await trx
				.deleteFrom('lesson_completions')
				.where('person_id', '=', personId)
				.where('module_slug', '=', mod.slug)
				.execute();
		} else {
			await trx
				.insertInto('module_progress')
				.values({
					person_id: personId,
					module_slug: mod.slug,
					last_lesson_slug: lessons.at(-1) ?? mod.lessons[0]!,
					started_at: when,
					updated_at: when
				})
				.onConflict((oc) => oc.columns(['person_id', 'module_slug']).doNothing())
				.execute();
		}
		if (item.kind !== 'started') {
			await trx
				.insertInto('check_attempts')
				.values({
					id: newId(),
					person_id: personId,
					module_slug: mod.slug,
					module_version: version,
					submitted_at: when,
					// An attempt at an earlier version kept only its score; a current one can be reviewed.
					...(version === mod.version
						? demoAttempt(mod, item.kind === 'completed' ? 1 : 4)
						: { answers: '{}', score: 88, passed: 1, questions: null })
				})
				.execute();
		}
		if (item.kind === 'completed') {
			await trx
				.insertInto('completions')
				.values({
					id: newId(),
					person_id: personId,
					module_slug: mod.slug,
					module_version: version,
					completed_at: when,
					verification_code: code(),
					// Earned in the learner's language where the module has it, as the app would have.
					locale: mod.locales.find((l) => l === languageOf.get(personId)) ?? 'en'
				})
				.execute();
			const reflection = demoReflections[mod.slug];
			if (reflection && mod.reflections[0]) {
				await trx
					.insertInto('reflections')
					.values({
						person_id: personId,
						module_slug: mod.slug,
						prompt_id: mod.reflections[0],
						body: reflection,
						share_with_buddy: 0,
						share_with_manager: 1,
						created_at: when,
						updated_at: when
					})
					.execute();
				await trx
					.insertInto('practice_logs')
					.values({
						person_id: personId,
						module_slug: mod.slug,
						note: 'Spent an hour with the Customer Care team lead going through the supplier queries they get most often.',
						done_at: when
					})
					.execute();
			}
		}
	};

	const named = new Set(Object.keys(progress).map((email) => ids.people.get(email)));
	for (const [email, items] of Object.entries(progress)) {
		const personId = ids.people.get(email);
		if (personId) for (const item of items) await apply(personId, item);
	}
	for (const team of [
		'Accounts Payable',
		'Accounts Receivable',
		'Payroll',
		'Customer Care',
		'Service Desk',
		'Intercompany & Consolidation',
		'Accounts Payable Asia Pacific'
	]) {
		const members = (ids.members.get(team) ?? []).filter((id) => !named.has(id));
		for (const [i, personId] of members.entries())
			for (const item of teamPatterns[i % teamPatterns.length]!) await apply(personId, item);
	}

	const manager = ids.people.get('manager@ripple.test') ?? null;
	const due = (days: number) => isoDay(new Date(now.getTime() + days * DAY));
	const assignment = (fields: {
		item_kind: 'module' | 'path';
		item_slug: string;
		team?: string;
		person?: string;
		due: number;
		message?: string;
		refresh?: boolean;
	}) => ({
		id: newId(),
		item_kind: fields.item_kind,
		item_slug: fields.item_slug,
		team_id: fields.team ? (ids.teams.get(fields.team) ?? null) : null,
		person_id: fields.person ? (ids.people.get(fields.person) ?? null) : null,
		due_on: due(fields.due),
		message: fields.message ?? '',
		refresh: fields.refresh ? 1 : 0,
		assigned_by: manager,
		created_at: at(14),
		cancelled_at: null
	});
	await trx
		.insertInto('assignments')
		.values([
			assignment({
				item_kind: 'module',
				item_slug: 'why-internal-service-matters',
				team: 'Accounts Payable',
				due: 5,
				message: 'Our starting point for the quarter: how our invoices reach the customer.'
			}),
			assignment({
				item_kind: 'module',
				item_slug: 'communicating-across-teams',
				person: 'staff@ripple.test',
				due: -2,
				message: 'Useful before you take over the supplier inbox.'
			}),
			assignment({ item_kind: 'path', item_slug: 'back-office-foundations', person: 'staff@ripple.test', due: 60 }),
			assignment({
				item_kind: 'module',
				item_slug: 'giving-and-receiving-feedback',
				team: 'Payroll',
				due: -4,
				refresh: true
			}),
			assignment({ item_kind: 'module', item_slug: 'emotional-intelligence-at-work', team: 'Customer Care', due: 21 })
		])
		.execute();
}
