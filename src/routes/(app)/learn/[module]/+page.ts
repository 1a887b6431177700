import { introComponent } from '$lib/learning/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, params }) => ({ ...data, intro: await introComponent(params.module) });
