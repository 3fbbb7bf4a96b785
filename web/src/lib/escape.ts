/** HTML escaping for every string we put into markup we build ourselves (tooltips, the HTML briefing). */
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => MAP[ch]!);
}
