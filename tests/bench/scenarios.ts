import type { Dataset } from './dataset';
import type { Scenario } from './load';
import { TARGETS } from './report';
import { signIn } from './server';

/**
 * The pages the benchmark drives, with the targets for each, signed in on `origin` as the
 * dataset's staff member, manager and leader (sessions live in the database, so they hold on every
 * server that shares it).
 */
export async function scenariosFor(origin: string, dataset: Dataset): Promise<Scenario[]> {
	const { accounts, password } = dataset;
	const [staff, manager, leader] = await Promise.all([
		signIn(origin, accounts.staff, password),
		signIn(origin, accounts.manager, password),
		signIn(origin, accounts.leader, password)
	]);
	return [
		{ name: 'baseline', what: 'sign-in page, anonymous', path: '/login', page: false },
		{ name: 'healthz', what: 'health check (JSON, one query)', path: '/healthz', page: false },
		{ name: 'staff-home', what: 'staff home and my learning', path: '/', cookie: staff, page: true, budgetKb: 20 },
		{
			name: 'lesson',
			what: 'a lesson page (staff)',
			path: dataset.lessonPath,
			cookie: staff,
			page: true,
			budgetKb: 20
		},
		{
			name: 'check',
			what: 'the knowledge check (staff)',
			path: dataset.checkPath,
			cookie: staff,
			page: true,
			budgetKb: 20
		},
		{
			name: 'team-matrix',
			what: "manager's team progress matrix",
			path: '/learn/team',
			cookie: manager,
			page: true,
			budgetKb: 40,
			minRatio: TARGETS.teamPageMinRatio
		},
		{
			name: 'scorecard',
			what: `leader scorecard, ${dataset.leaderTeams} teams (25 a page)`,
			path: '/measure',
			cookie: leader,
			page: true,
			budgetKb: 80,
			minRatio: TARGETS.teamPageMinRatio
		},
		{
			name: 'team-trends',
			what: 'leader trends for one team',
			path: `/measure/teams/${dataset.trendsTeam.id}`,
			cookie: leader,
			page: true,
			budgetKb: 40,
			minRatio: TARGETS.teamPageMinRatio
		}
	];
}
