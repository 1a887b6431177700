/** Words for visit states, shared by pages (the server rules use the same statuses). */
export const visitStatusLabel = {
	pending_manager: 'Waiting for the manager',
	pending_host: 'Waiting for the host',
	confirmed: 'Confirmed',
	declined: 'Declined',
	cancelled: 'Cancelled'
} as const;
