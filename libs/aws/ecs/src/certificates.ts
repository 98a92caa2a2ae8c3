import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { LbListenerCertificate } from '@cdktf/provider-aws/lib/lb-listener-certificate';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';

/** Props of {@link ListenerCertificates}. */
export interface ListenerCertificatesProps {
  /** The hosted zone whose apex and one-label subdomains the default certificate covers. */
  readonly hostedZone: { readonly name: string; readonly id: string };
  /**
   * Hostnames the HTTPS listeners serve. A host that is the zone apex or one label below it is
   * covered by the default certificate; any other host gets a certificate of its own.
   * @default none: the default certificate only
   */
  readonly hosts?: readonly string[];
}

/**
 * The certificates of the public listeners, DNS-validated in the environment's zone, built so
 * that a plan can always compute them and adding or removing a service replaces nothing.
 *
 * - The **default certificate** covers the zone apex and `*.<zone>`: its names depend on the
 *   zone alone, so it never changes when services come and go (an ACM certificate's names are
 *   ForceNew: a shared certificate listing every host would be replaced, and every listener
 *   would move to the new one, each time a route is added).
 * - A host deeper than one label below the zone gets **its own certificate**, attached to each
 *   listener with `aws_lb_listener_certificate` (SNI picks it), keyed by the host name.
 * - Each certificate has exactly one validation record, addressed without `for_each`: the
 *   apex and its wildcard share one validation CNAME, and a one-name certificate has one. A
 *   `for_each` over `domain_validation_options` (a set whose records are unknown until the
 *   certificate exists) cannot be planned on a first create (hashicorp/terraform-cdk#3627).
 */
export class ListenerCertificates extends Construct {
  /** The validated ARN of the default certificate, for the listeners' `certificate_arn`. */
  readonly defaultCertificateArn: string;
  /** The validated ARNs of the hosts' own certificates, keyed by host name. */
  readonly additionalCertificateArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ListenerCertificatesProps) {
    super(scope, id);
    const zone = props.hostedZone.name;
    this.defaultCertificateArn = this.validated('', zone, [`*.${zone}`], props.hostedZone.id);
    const own = [...new Set(props.hosts ?? [])].filter((h) => !coveredByDefault(h, zone)).sort();
    this.additionalCertificateArns = Object.fromEntries(
      own.map((host) => [host, this.validated(`-${idOf(host)}`, host, [], props.hostedZone.id)]),
    );
  }

  /** Attaches every host's own certificate to a listener (construct ids keyed by host). */
  attachTo(listenerId: string, listenerArn: string): void {
    for (const [host, certificateArn] of Object.entries(this.additionalCertificateArns)) {
      new LbListenerCertificate(this, `${listenerId}-${idOf(host)}`, {
        listenerArn,
        certificateArn,
      });
    }
  }

  private validated(suffix: string, domainName: string, alternatives: string[], zoneId: string) {
    const certificate = new AcmCertificate(this, `certificate${suffix}`, {
      domainName,
      subjectAlternativeNames: alternatives,
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
    });
    const option = certificate.domainValidationOptions.get(0);
    const record = new Route53Record(this, `validation-record${suffix}`, {
      zoneId,
      name: option.resourceRecordName,
      type: option.resourceRecordType,
      records: [option.resourceRecordValue],
      ttl: 60,
      allowOverwrite: true,
    });
    return new AcmCertificateValidation(this, `validation${suffix}`, {
      certificateArn: certificate.arn,
      validationRecordFqdns: [record.fqdn],
    }).certificateArn;
  }
}

/** Whether the default certificate (apex and `*.<zone>`) covers a host. */
export function coveredByDefault(host: string, zone: string): boolean {
  if (host === zone) return true;
  return host.endsWith(`.${zone}`) && !host.slice(0, -zone.length - 1).includes('.');
}

function idOf(host: string): string {
  return host.replace(/\./g, '-');
}
