import { json } from '@sveltejs/kit';
import { databaseAnswers, db } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	(await databaseAnswers(db())) ? json({ status: 'ok' }) : json({ status: 'unavailable' }, { status: 503 });
