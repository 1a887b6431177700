import type { ParamMatcher } from '@sveltejs/kit';
import { isPackKind } from '$lib/learning/pack';

/** /learn/<module>/<kind>: a pack document, never a lesson (lesson slugs start with their number). */
export const match = ((param: string) => isPackKind(param)) satisfies ParamMatcher;
