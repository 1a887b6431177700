import { z } from 'zod';

export const unitKinds = ['company', 'region', 'division', 'department'] as const;
export const teamKinds = ['back_office', 'customer_facing'] as const;

export const teamKindLabel: Record<(typeof teamKinds)[number], string> = {
	back_office: 'Back office',
	customer_facing: 'Customer facing'
};

const name = z.string().trim().min(1, 'Enter a name').max(120, 'A name can be at most 120 characters');

export const unitSchema = z.object({
	name,
	kind: z.enum(unitKinds, 'Choose a kind of unit'),
	parent_id: z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
});

export const teamSchema = z.object({
	name,
	kind: z.enum(teamKinds, 'Choose back office or customer facing'),
	org_unit_id: z.string().trim().min(1, 'Choose the unit this team belongs to')
});
