import { describe, expect, it } from 'vitest';
import { planOrganisation, shapeFor } from './plan';

/** The organisations the benchmark compares: what grows with the people, and what does not. */
describe('the large organisation’s plan', () => {
	it.each([
		[10_000, 500, 50],
		[100_000, 5_000, 500]
	])(
		'at %i people: %i teams under %i units, the leader leading 50 and the manager a team of 20',
		(people, teams, units) => {
			const shape = shapeFor(people);
			expect([shape.teams, shape.units, shape.leaderTeams]).toEqual([teams, units, 50]);
			const org = planOrganisation(42, Date.parse('2026-12-01T09:00:00Z'), shape);
			expect(org.people).toHaveLength(people);
			expect(org.teams).toHaveLength(teams);
			expect(org.leaderUnitTeams).toBe(50);
			const managerTeam = org.people[org.accounts.manager]!.team;
			expect(org.people.filter((p) => p.team === managerTeam)).toHaveLength(20);
		}
	);
});
