import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { between, pick, rngFromSeed } from '../random';
import { MONTHS, type Context } from './plan';
import { closeAll, codeMaker, DAY, HOUR, idMaker, iso, isoDay, spillAll, TableWriter, type Written } from './rows';

interface ModuleOnDisk {
	slug: string;
	version: string;
	lessons: string[];
}

/** The course catalogue's module and lesson slugs, read from content/ (Vite's globs are not available under tsx). */
function catalogueOnDisk(root = join(process.cwd(), 'content')): { modules: ModuleOnDisk[]; paths: string[] } {
	const modules = readdirSync(join(root, 'modules'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => {
			const dir = join(root, 'modules', entry.name);
			const version = /^version:\s*([\d.]+)\s*$/m.exec(readFileSync(join(dir, 'module.md'), 'utf8'))?.[1] ?? '1.0.0';
			const lessons = readdirSync(dir)
				.filter((f) => /^\d\d-.+\.md$/.test(f))
				.map((f) => f.replace(/\.md$/, ''))
				.sort();
			return { slug: entry.name, version, lessons };
		})
		.filter((m) => m.lessons.length > 0)
		.sort((a, b) => a.slug.localeCompare(b.slug));
	const paths = readdirSync(join(root, 'paths'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.replace(/\.json$/, ''))
		.sort();
	return { modules, paths };
}

type ModulePlan =
	{ kind: 'completed' | 'failed-check'; startMs: number } | { kind: 'started'; lessons: number; startMs: number };

export async function seedLearning({ trx, seed, nowMs, org }: Context): Promise<Written> {
	const { modules, paths } = catalogueOnDisk();
	const rng = rngFromSeed(seed, 'learning');
	const checkId = idMaker(seed, 'check_attempts');
	const completionId = idMaker(seed, 'completions');
	const assignmentId = idMaker(seed, 'assignments');
	const code = codeMaker(seed);
	const lessons = new TableWriter(trx, 'lesson_completions');
	const progress = new TableWriter(trx, 'module_progress');
	const checks = new TableWriter(trx, 'check_attempts');
	const completions = new TableWriter(trx, 'completions');
	const assignments = new TableWriter(trx, 'assignments');
	const writers = [lessons, progress, checks, completions, assignments];

	// The staff account's story, as in the small demo: one module done, one under way.
	const staffPlan = new Map<string, ModulePlan>([
		['breaking-down-silos', { kind: 'completed', startMs: nowMs - 20 * DAY }],
		['why-internal-service-matters', { kind: 'started', lessons: 2, startMs: nowMs - 2 * DAY }]
	]);
	const planFor = (engagement: number, mod: ModuleOnDisk): ModulePlan | null => {
		const roll = rng();
		const startMs = nowMs - between(rng, 1, MONTHS * 30) * DAY - between(rng, 0, 10) * HOUR;
		if (roll < engagement * 0.9) return { kind: 'completed', startMs };
		if (roll < engagement * 0.9 + 0.04) return { kind: 'failed-check', startMs };
		if (roll < engagement * 0.9 + 0.16)
			return {
				kind: 'started',
				lessons: between(rng, 1, mod.lessons.length - 1),
				startMs: nowMs - between(rng, 1, 60) * DAY
			};
		return null;
	};
	const attempt = (personId: string, mod: ModuleOnDisk, passed: boolean, at: number) =>
		checks.add({
			id: checkId(),
			person_id: personId,
			module_slug: mod.slug,
			module_version: mod.version,
			answers: '{}',
			score: passed ? between(rng, 80, 100) : between(rng, 30, 70),
			passed: passed ? 1 : 0,
			submitted_at: iso(at)
		});

	for (const [index, person] of org.people.entries()) {
		const engagement = 0.5 + 0.5 * rng();
		for (const mod of modules) {
			const plan = index === org.accounts.staff ? (staffPlan.get(mod.slug) ?? null) : planFor(engagement, mod);
			if (!plan) continue;
			const done = plan.kind === 'started' ? mod.lessons.slice(0, Math.max(1, plan.lessons)) : mod.lessons;
			let at = plan.startMs;
			for (const lesson of done) {
				lessons.add({ person_id: person.id, module_slug: mod.slug, lesson_slug: lesson, completed_at: iso(at) });
				at = Math.min(at + between(rng, 0, 2) * DAY + between(rng, 5, 90) * 60_000, nowMs);
			}
			progress.add({
				person_id: person.id,
				module_slug: mod.slug,
				last_lesson_slug: done.at(-1)!,
				started_at: iso(plan.startMs),
				updated_at: iso(at)
			});
			if (plan.kind === 'failed-check') attempt(person.id, mod, false, at);
			if (plan.kind === 'completed') {
				if (rng() < 0.2) attempt(person.id, mod, false, Math.max(plan.startMs, at - HOUR));
				attempt(person.id, mod, true, at);
				completions.add({
					id: completionId(),
					person_id: person.id,
					module_slug: mod.slug,
					module_version: mod.version,
					completed_at: iso(at),
					verification_code: code(),
					locale: 'en'
				});
			}
		}
		// Now and then a manager gives one person something of their own.
		const manager = person.manager === null ? null : org.people[person.manager]!.id;
		const personal = index === org.accounts.staff ? 2 : rng() < 0.05 ? 1 : 0;
		for (let a = 0; a < personal; a++) {
			const isPath = a === 1 || rng() < 0.3;
			const due = nowMs + between(rng, -30, 90) * DAY;
			assignments.add({
				id: assignmentId(),
				item_kind: isPath ? 'path' : 'module',
				item_slug: isPath ? pick(rng, paths) : pick(rng, modules).slug,
				person_id: person.id,
				team_id: null,
				due_on: isoDay(due),
				message: '',
				refresh: 0,
				assigned_by: manager,
				created_at: iso(Math.min(due - 30 * DAY, nowMs)),
				cancelled_at: null
			});
		}
		await spillAll(writers);
	}

	// Every team has a module to do; some a whole path, a few a refresher.
	for (const team of org.teams) {
		const items = [
			{ kind: 'module' as const, slug: pick(rng, modules).slug },
			...(rng() < 0.3 ? [{ kind: 'path' as const, slug: pick(rng, paths) }] : [])
		];
		for (const item of items) {
			const due = nowMs + between(rng, -60, 90) * DAY;
			assignments.add({
				id: assignmentId(),
				item_kind: item.kind,
				item_slug: item.slug,
				person_id: null,
				team_id: team.id,
				due_on: isoDay(due),
				message: rng() < 0.5 ? 'Our focus for the quarter.' : '',
				refresh: rng() < 0.1 ? 1 : 0,
				assigned_by: org.people[team.manager]!.id,
				created_at: iso(Math.min(due - 45 * DAY, nowMs)),
				cancelled_at: rng() < 0.05 ? iso(nowMs - between(rng, 1, 20) * DAY) : null
			});
		}
	}
	return closeAll(writers);
}
