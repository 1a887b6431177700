import { MAX_PAGE, SCIM } from './scim';

/**
 * What Ripple's SCIM service offers (RFC 7643 §5-7), for directories that read it before they
 * provision: PATCH and filters (`eq` on userName, externalId, id, displayName), bearer tokens, no
 * bulk, sorting, ETags or password changes.
 */
export function serviceProviderConfig(baseUrl: string) {
	return {
		schemas: [SCIM.serviceProviderConfig],
		patch: { supported: true },
		bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
		filter: { supported: true, maxResults: MAX_PAGE },
		changePassword: { supported: false },
		sort: { supported: false },
		etag: { supported: false },
		authenticationSchemes: [
			{
				type: 'oauthbearertoken',
				name: 'Bearer token',
				description: 'The token of a directory connection, made in Ripple’s admin and shown once.',
				primary: true
			}
		],
		meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` }
	};
}

export function resourceTypes(baseUrl: string) {
	const user = {
		schemas: [SCIM.resourceType],
		id: 'User',
		name: 'User',
		endpoint: '/Users',
		description: 'A person in Ripple',
		schema: SCIM.user,
		schemaExtensions: [{ schema: SCIM.enterprise, required: false }],
		meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` }
	};
	const group = {
		schemas: [SCIM.resourceType],
		id: 'Group',
		name: 'Group',
		endpoint: '/Groups',
		description: 'A group in the directory, which an admin may map to a team',
		schema: SCIM.group,
		meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` }
	};
	return { schemas: [SCIM.list], totalResults: 2, startIndex: 1, itemsPerPage: 2, Resources: [user, group] };
}

type Attribute = {
	name: string;
	type: 'string' | 'boolean' | 'complex' | 'reference';
	multiValued?: boolean;
	required?: boolean;
	mutability?: 'readOnly' | 'readWrite';
	uniqueness?: 'none' | 'server';
	subAttributes?: Attribute[];
};

function attribute(a: Attribute): Record<string, unknown> {
	return {
		name: a.name,
		type: a.type,
		multiValued: a.multiValued ?? false,
		required: a.required ?? false,
		caseExact: false,
		mutability: a.mutability ?? 'readWrite',
		returned: 'default',
		uniqueness: a.uniqueness ?? 'none',
		...(a.subAttributes ? { subAttributes: a.subAttributes.map(attribute) } : {})
	};
}

/** The attributes Ripple keeps; others a directory sends are accepted and ignored. */
export function schemas(baseUrl: string) {
	const user = {
		schemas: [SCIM.schema],
		id: SCIM.user,
		name: 'User',
		description: 'A person in Ripple',
		attributes: [
			{ name: 'userName', type: 'string', required: true, uniqueness: 'server' },
			{
				name: 'name',
				type: 'complex',
				subAttributes: [
					{ name: 'formatted', type: 'string' },
					{ name: 'givenName', type: 'string' },
					{ name: 'familyName', type: 'string' }
				]
			},
			{ name: 'displayName', type: 'string' },
			{ name: 'title', type: 'string' },
			{ name: 'active', type: 'boolean' },
			{
				name: 'emails',
				type: 'complex',
				multiValued: true,
				subAttributes: [
					{ name: 'value', type: 'string' },
					{ name: 'type', type: 'string' },
					{ name: 'primary', type: 'boolean' }
				]
			}
		].map((a) => attribute(a as Attribute)),
		meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCIM.user}` }
	};
	const enterprise = {
		schemas: [SCIM.schema],
		id: SCIM.enterprise,
		name: 'EnterpriseUser',
		description: 'What the directory knows of a person’s place in the organisation',
		attributes: [
			{ name: 'employeeNumber', type: 'string', uniqueness: 'server' },
			{ name: 'department', type: 'string' },
			{ name: 'manager', type: 'complex', subAttributes: [{ name: 'value', type: 'string' }] }
		].map((a) => attribute(a as Attribute)),
		meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCIM.enterprise}` }
	};
	const group = {
		schemas: [SCIM.schema],
		id: SCIM.group,
		name: 'Group',
		description: 'A group in the directory, which an admin may map to a team',
		attributes: [
			{ name: 'displayName', type: 'string', required: true, uniqueness: 'server' },
			{
				name: 'members',
				type: 'complex',
				multiValued: true,
				subAttributes: [
					{ name: 'value', type: 'string' },
					{ name: 'display', type: 'string', mutability: 'readOnly' },
					{ name: '$ref', type: 'reference', mutability: 'readOnly' }
				]
			}
		].map((a) => attribute(a as Attribute)),
		meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCIM.group}` }
	};
	return {
		schemas: [SCIM.list],
		totalResults: 3,
		startIndex: 1,
		itemsPerPage: 3,
		Resources: [user, enterprise, group]
	};
}
