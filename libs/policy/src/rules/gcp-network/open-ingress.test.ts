import type { ResourceView } from '../../types';
import { openPortFindings } from './open-ingress';

/** The findings for SSH of a firewall with these arguments (ingress, enabled, unless given). */
function ssh(config: Record<string, unknown>): string[] {
  const firewall: ResourceView = {
    mode: 'resource',
    type: 'google_compute_firewall',
    name: 'f',
    address: 'google_compute_firewall.f',
    path: 'f',
    config,
  };
  const result = openPortFindings(firewall, 22);
  return result.status === 'non-compliant' ? [...result.details] : [];
}

const world = { source_ranges: ['0.0.0.0/0'] };

describe('a GCP firewall that opens a TCP port to the internet (PLT-FW-NO-OPEN-SSH, PLT-FW-NO-OPEN-RDP)', () => {
  it('covers the port through no ports, an empty list, the port itself, a range, or an unreadable entry', () => {
    for (const ports of [undefined, null, [], ['22'], ['20-25'], [' 22 '], ['x'], '${var.ports}'])
      expect(ssh({ ...world, allow: [{ protocol: 'tcp', ports }] })).toEqual([
        'allow[0] opens tcp/22 to 0.0.0.0/0',
      ]);
  });

  it('ports around it, or only UDP, do not cover it; tcp, 6 and all (any case) do', () => {
    expect(ssh({ ...world, allow: [{ protocol: 'tcp', ports: ['23-80', '21', '443'] }] })).toEqual(
      [],
    );
    expect(ssh({ ...world, allow: [{ protocol: 'udp' }] })).toEqual([]);
    for (const protocol of ['6', 'ALL', 'Tcp'])
      expect(ssh({ ...world, allow: [{ protocol, ports: ['22'] }] })).toHaveLength(1);
  });

  it('names every open source and allow entry: ::/0, an unreadable range, or no source at all', () => {
    expect(
      ssh({
        source_ranges: ['10.0.0.0/8', '::/0', '0.0.0.0/0'],
        allow: [{ protocol: 'udp' }, { protocol: 'tcp', ports: ['22'] }],
      }),
    ).toEqual(['allow[1] opens tcp/22 to ::/0', 'allow[1] opens tcp/22 to 0.0.0.0/0']);
    expect(ssh({ source_ranges: '${var.ranges}', allow: [{ protocol: 'tcp' }] })).toEqual([
      'allow[0] opens tcp/22 to source_ranges ${var.ranges} (cannot be read)',
    ]);
    expect(ssh({ allow: [{ protocol: 'tcp' }] })).toEqual([
      'allow[0] opens tcp/22 to any address (no source is named: GCP then applies 0.0.0.0/0)',
    ]);
    expect(ssh({ source_ranges: [], source_tags: [], allow: [{ protocol: 'tcp' }] })).toHaveLength(
      1,
    );
  });

  it('named sources (ranges, tags, service accounts), egress and disabled rules do not open it', () => {
    for (const sources of [
      { source_ranges: ['10.0.0.0/8'] },
      { source_tags: ['bastion'] },
      { source_service_accounts: ['sa@p.iam.gserviceaccount.com'] },
    ])
      expect(ssh({ ...sources, allow: [{ protocol: 'tcp' }] })).toEqual([]);
    expect(ssh({ ...world, direction: 'egress', allow: [{ protocol: 'tcp' }] })).toEqual([]);
    expect(ssh({ ...world, disabled: true, allow: [{ protocol: 'tcp' }] })).toEqual([]);
  });
});
