/**
 * The documents of a module's blended-delivery pack (content/README.md), by kind: also the last
 * segment of their address, /learn/<module>/<kind>.
 */
export const packKinds = ['takeaways', 'job-aid', 'manager-guide', 'facilitator-guide'] as const;
export type PackKind = (typeof packKinds)[number];

export function isPackKind(value: string): value is PackKind {
	return (packKinds as readonly string[]).includes(value);
}
