import { fromDetails, notApplicable } from '../../results';
import type { ResourceView, RuleResult } from '../../types';
import { blocks, isExpression } from '../helpers';

const OPEN = ['0.0.0.0/0', '::/0'];

/** Whether an allow entry's protocol carries TCP: `tcp`, `6` or `all`. */
const carriesTcp = (protocol: unknown) =>
  ['tcp', '6', 'all'].includes(String(protocol).toLowerCase());

/** Whether an allow entry's ports (none = every port; "22", "20-25") include `port`. */
function coversPort(ports: unknown, port: number): boolean {
  if (ports === undefined || ports === null) return true;
  if (!Array.isArray(ports)) return true; // an expression: cannot be read, assume the worst
  if (ports.length === 0) return true;
  return ports.some((entry) => {
    const [from = NaN, to = from] = String(entry)
      .split('-')
      .map((p) => Number(p.trim()));
    return Number.isNaN(from) || Number.isNaN(to) || (from <= port && port <= to);
  });
}

/**
 * The findings of a google_compute_firewall that lets the whole internet reach `port` over TCP:
 * an enabled INGRESS rule whose allow entries cover the port and whose sources include 0.0.0.0/0
 * or ::/0 (or name no source at all: GCP then applies 0.0.0.0/0).
 */
export function openPortFindings(firewall: ResourceView, port: number): RuleResult {
  const { config } = firewall;
  if (String(config['direction'] ?? 'INGRESS').toUpperCase() !== 'INGRESS') return notApplicable();
  if (config['disabled'] === true) return notApplicable();
  const ranges = config['source_ranges'];
  const sources: string[] = [];
  if (typeof ranges === 'string' && isExpression(ranges))
    sources.push(`source_ranges ${ranges} (cannot be read)`);
  else if (Array.isArray(ranges))
    sources.push(...ranges.map(String).filter((r) => OPEN.includes(r)));
  const named = [ranges, config['source_tags'], config['source_service_accounts']].some(
    (v) => (Array.isArray(v) && v.length > 0) || (typeof v === 'string' && v !== ''),
  );
  if (!named) sources.push('any address (no source is named: GCP then applies 0.0.0.0/0)');
  if (sources.length === 0) return fromDetails([]);
  return fromDetails(
    blocks(config['allow']).flatMap((allow, index) =>
      carriesTcp(allow['protocol']) && coversPort(allow['ports'], port)
        ? sources.map((source) => `allow[${index}] opens tcp/${port} to ${source}`)
        : [],
    ),
  );
}
