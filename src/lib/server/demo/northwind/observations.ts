import type { DemoObservation } from './observation-format';
import { accountsPayableObservations } from './observations-accounts-payable';
import { accountsReceivableObservations } from './observations-accounts-receivable';
import { otherTeamsObservations } from './observations-other-teams';

/**
 * About ninety observations over the last six months, most of them about the Finance Shared
 * Services teams. Accounts Payable and Accounts Receivable each get three behaviours rated often
 * enough, by enough different people, to reach medium or high confidence; Accounts Receivable's
 * customer focus sits low, matching what its internal customers say.
 */
export const demoObservations: readonly DemoObservation[] = [
	...accountsPayableObservations,
	...accountsReceivableObservations,
	...otherTeamsObservations
];
