// negotiator 1.x, as Ripple uses it (its DefinitelyTyped types describe 0.6, without `preferred`).
declare module 'negotiator' {
	export default class Negotiator {
		constructor(request: { headers: Record<string, string | undefined> });
		encoding(available?: string[], options?: { preferred?: string[] }): string | undefined;
	}
}
