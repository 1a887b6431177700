import { z } from 'zod';
import { m } from '../paraglide/messages';

export const unitKinds = ['company', 'region', 'division', 'department'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const teamKinds = ['back_office', 'customer_facing'] as const;
export type TeamKind = (typeof teamKinds)[number];

/** A kind of unit as an option or heading reads it: "Department". */
export function unitKindLabel(kind: UnitKind): string {
	switch (kind) {
		case 'company':
			return m.admin_unit_kind_company();
		case 'region':
			return m.admin_unit_kind_region();
		case 'division':
			return m.admin_unit_kind_division();
		case 'department':
			return m.admin_unit_kind_department();
	}
}

/** A kind of unit inside a sentence or a list line: "department". */
export function unitKindInText(kind: UnitKind): string {
	switch (kind) {
		case 'company':
			return m.admin_unit_kind_company_in_text();
		case 'region':
			return m.admin_unit_kind_region_in_text();
		case 'division':
			return m.admin_unit_kind_division_in_text();
		case 'department':
			return m.admin_unit_kind_department_in_text();
	}
}

export function isUnitKind(value: string): value is UnitKind {
	return (unitKinds as readonly string[]).includes(value);
}

/** A kind of team as a label or badge reads it: "Back office", "Customer facing". */
export function teamKindName(kind: TeamKind): string {
	return kind === 'back_office' ? m.admin_team_kind_back_office() : m.admin_team_kind_customer_facing();
}

/**
 * The same labels by kind, for pages that look them up by key (`teamKindLabel[kind]`). Each
 * property is worded when it is read, never once for the module. Prefer `teamKindName(kind)`.
 */
export const teamKindLabel: Readonly<Record<TeamKind, string>> = {
	get back_office() {
		return teamKindName('back_office');
	},
	get customer_facing() {
		return teamKindName('customer_facing');
	}
};

const name = z
	.string()
	.trim()
	.min(1, { error: () => m.name_required() })
	.max(120, { error: () => m.name_too_long() });

export const unitSchema = z.object({
	name,
	kind: z.enum(unitKinds, { error: () => m.admin_unit_kind_required() }),
	parent_id: z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
});

export const teamSchema = z.object({
	name,
	kind: z.enum(teamKinds, { error: () => m.admin_team_kind_required() }),
	org_unit_id: z
		.string()
		.trim()
		.min(1, { error: () => m.admin_team_unit_required() })
});
