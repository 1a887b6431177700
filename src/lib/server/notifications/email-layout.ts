/**
 * The one layout every Ripple email has, as HTML and as plain text. Mail clients ignore most of
 * CSS, so the HTML is a single centred table with inline light-mode styles, and a small style block
 * that clients supporting `prefers-color-scheme` use for dark mode. It is narrow enough for a
 * phone without zooming. Every piece of text passes through `escapeHtml`; links are absolute.
 */

export interface EmailBlock {
	heading: string;
	body: string;
	link: { label: string; url: string } | null;
	/** A small label above the heading (a digest item's category). */
	label?: string;
}

export interface EmailContent {
	lang: string;
	/** Shown small above everything: the organisation's name. */
	organisation: string;
	greeting: string;
	/** The main message (one block), or a digest's introduction and its items. */
	intro: string | null;
	blocks: EmailBlock[];
	/** Why the reader gets this, and how to change it. */
	footer: { reason: string; links: { label: string; url: string }[] };
}

export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const font = `-apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif`;

function blockHtml(block: EmailBlock, main: boolean): string {
	const label = block.label
		? `<p class="muted" style="margin:0 0 4px;font-size:13px;color:#5b6472;">${escapeHtml(block.label)}</p>`
		: '';
	const size = main ? '20px' : '16px';
	const link = block.link
		? main
			? `<p style="margin:20px 0 0;"><a class="button" href="${escapeHtml(block.link.url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:#1f5fbf;color:#ffffff;text-decoration:none;font-weight:600;">${escapeHtml(block.link.label)}</a></p>`
			: `<p style="margin:8px 0 0;"><a class="link" href="${escapeHtml(block.link.url)}" style="color:#1f5fbf;">${escapeHtml(block.link.label)}</a></p>`
		: '';
	return `<tr><td class="block" style="padding:${main ? '8px 0 0' : '16px 0'};${main ? '' : 'border-top:1px solid #dde2ea;'}">${label}<h${main ? 1 : 2} class="text" style="margin:0 0 8px;font-size:${size};line-height:1.3;color:#16202e;">${escapeHtml(block.heading)}</h${main ? 1 : 2}><p class="text" style="margin:0;font-size:15px;line-height:1.55;color:#16202e;">${escapeHtml(block.body)}</p>${link}</td></tr>`;
}

export function emailHtml(content: EmailContent): string {
	const main = content.intro === null && content.blocks.length === 1;
	const intro = content.intro
		? `<tr><td class="text" style="padding:0 0 8px;font-size:15px;line-height:1.55;color:#16202e;">${escapeHtml(content.intro)}</td></tr>`
		: '';
	const footerLinks = content.footer.links
		.map((l) => `<a class="link" href="${escapeHtml(l.url)}" style="color:#1f5fbf;">${escapeHtml(l.label)}</a>`)
		.join(' &middot; ');
	return `<!doctype html>
<html lang="${escapeHtml(content.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<style>
@media (prefers-color-scheme: dark) {
  body, .page { background: #10151d !important; }
  .card { background: #1a212c !important; }
  .text { color: #e8edf4 !important; }
  .muted { color: #a9b3c1 !important; }
  .link { color: #8fb8ff !important; }
  .button { background: #8fb8ff !important; color: #10151d !important; }
  .block { border-color: #2d3746 !important; }
}
</style>
</head>
<body class="page" style="margin:0;padding:0;background:#f3f5f8;font-family:${font};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="page" style="background:#f3f5f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="card" style="max-width:560px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
<tr><td class="muted" style="padding:0 0 16px;font-size:13px;color:#5b6472;">${escapeHtml(content.organisation)}</td></tr>
<tr><td class="text" style="padding:0 0 8px;font-size:15px;color:#16202e;">${escapeHtml(content.greeting)}</td></tr>
${intro}
${content.blocks.map((b) => blockHtml(b, main)).join('\n')}
</table>
</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;">
<tr><td class="muted" style="padding:16px 24px;font-size:12px;line-height:1.5;color:#5b6472;">${escapeHtml(content.footer.reason)}<br>${footerLinks}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

export function emailText(content: EmailContent): string {
	const lines: string[] = [content.organisation, '', content.greeting, ''];
	if (content.intro) lines.push(content.intro, '');
	for (const block of content.blocks) {
		if (block.label) lines.push(`[${block.label}]`);
		lines.push(block.heading, block.body);
		if (block.link) lines.push(`${block.link.label}: ${block.link.url}`);
		lines.push('');
	}
	lines.push('--', content.footer.reason, ...content.footer.links.map((l) => `${l.label}: ${l.url}`));
	return `${lines.join('\n')}\n`;
}
