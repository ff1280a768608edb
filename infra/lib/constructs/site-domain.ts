import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

export interface SiteDomainProps {
  readonly hostedZoneId: string;
  readonly hostedZoneName: string;
  /** The name the certificate is for. */
  readonly certificateName: string;
}

/**
 * A name in Kura's Route 53 zone and its ACM certificate, validated through DNS records that
 * CloudFormation writes into the zone itself: no hand-made certificate, and ACM renews it as long
 * as the records stay. The zone is read by id, so synth needs no lookup.
 */
export class SiteDomain extends Construct {
  readonly zone: route53.IHostedZone;
  readonly certificate: acm.Certificate;

  constructor(scope: Construct, id: string, props: SiteDomainProps) {
    super(scope, id);
    this.zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZoneId,
      zoneName: props.hostedZoneName,
    });
    this.certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.certificateName,
      validation: acm.CertificateValidation.fromDns(this.zone),
    });
  }
}
