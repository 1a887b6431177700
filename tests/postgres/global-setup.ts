import type { TestProject } from 'vitest/node';
import { startCluster } from './cluster';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

/** Starts one PostgreSQL cluster for the whole PostgreSQL run of the integration suite. */
export default async function setup(project: TestProject) {
	const cluster = await startCluster();
	project.provide('postgresUrl', cluster.url);
	return () => cluster.stop();
}
