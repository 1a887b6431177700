import { m } from './paraglide/messages.js';

export type VisitStatus = 'pending_manager' | 'pending_host' | 'confirmed' | 'declined' | 'cancelled';

/** A visit's state in words, for pages (the server rules use the same statuses). */
export function visitStatusLabel(status: VisitStatus): string {
	switch (status) {
		case 'pending_manager':
			return m.connect_visit_status_pending_manager();
		case 'pending_host':
			return m.connect_visit_status_pending_host();
		case 'confirmed':
			return m.connect_visit_status_confirmed();
		case 'declined':
			return m.connect_visit_status_declined();
		case 'cancelled':
			return m.connect_visit_status_cancelled();
	}
}
