import { TerraformStack, Testing } from 'cdktf';
import { ListenerCertificates, coveredByDefault } from './certificates';

function synth(hosts: string[]) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const certificates = new ListenerCertificates(stack, 'tls', {
    hostedZone: { name: 'example.org', id: 'Z123' },
    hosts,
  });
  certificates.attachTo('https', 'listener-arn');
  return JSON.parse(Testing.synth(stack)).resource as Record<string, Record<string, any>>;
}

describe('ListenerCertificates', () => {
  it('the apex and one-label hosts need no certificate of their own', () => {
    expect(coveredByDefault('example.org', 'example.org')).toBe(true);
    expect(coveredByDefault('www.example.org', 'example.org')).toBe(true);
    expect(coveredByDefault('a.b.example.org', 'example.org')).toBe(false);
    expect(coveredByDefault('www.example.com', 'example.org')).toBe(false);
    expect(coveredByDefault('wwwexample.org', 'example.org')).toBe(false);
  });

  it('a host deeper than one label gets its own certificate, attached to the listener by host key', () => {
    const resources = synth(['www.example.org', 'v1.api.example.org']);
    const certificates = Object.values(resources['aws_acm_certificate']!);
    expect(certificates.map((c) => c['domain_name']).sort()).toEqual([
      'example.org',
      'v1.api.example.org',
    ]);
    expect(Object.keys(resources['aws_lb_listener_certificate']!)).toEqual([
      expect.stringContaining('tls_https-v1-api-example-org'),
    ]);
    expect(Object.values(resources['aws_acm_certificate_validation']!)).toHaveLength(2);
  });

  it('adding a covered host changes nothing that exists', () => {
    expect(synth(['www.example.org'])).toEqual(synth(['www.example.org', 'api.example.org']));
  });
});
