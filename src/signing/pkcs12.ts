import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** What thidua keeps and shows of a signing certificate (never the key). */
export interface CertificateInfo {
  readonly subject: string;
  readonly commonName: string;
  readonly issuer: string;
  /** Upper-case hexadecimal, as certificate viewers show it. */
  readonly serial: string;
  readonly validFrom: Date;
  readonly validTo: Date;
}

export interface SigningIdentity {
  readonly key: KeyObject;
  /** DER of the signer's certificate, then the rest of the chain found in the file. */
  readonly certificates: readonly Buffer[];
  readonly info: CertificateInfo;
}

export class Pkcs12Error extends Error {
  constructor(readonly reason: 'UNREADABLE' | 'NO_KEY' | 'NO_MATCHING_CERT' | 'UNSUPPORTED_KEY') {
    super(reason);
  }
}

/** The certificate's identity as X509Certificate reports it (multi-line "K=V" → "K=V, K=V"). */
export function certificateInfo(der: Buffer): CertificateInfo {
  const x = new X509Certificate(der);
  const subject = x.subject.split('\n').join(', ');
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(x.subject)?.[1] ?? subject;
  return {
    subject,
    commonName: cn,
    issuer: x.issuer.split('\n').join(', '),
    serial: x.serialNumber.toUpperCase(),
    validFrom: new Date(x.validFrom),
    validTo: new Date(x.validTo),
  };
}

/**
 * Reads a PKCS#12 file (node-forge: Node has no PKCS#12 reader): the private key, the certificate
 * whose public key matches it, and the other certificates as the chain. RSA keys only, as issued by
 * the Vietnamese public CAs for document signing.
 */
export function readPkcs12(p12: Buffer, password: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(p12.toString('binary')),
      false,
      password,
    );
  } catch {
    throw new Pkcs12Error('UNREADABLE');
  }
  const bagsOf = (type: string | undefined) =>
    type ? (parsed.getBags({ bagType: type })[type] ?? []) : [];
  const keyBag = [
    ...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag),
    ...bagsOf(forge.pki.oids.keyBag),
  ].find((b) => b.key);
  if (!keyBag?.key) throw new Pkcs12Error('NO_KEY');
  const forgeKey = keyBag.key;
  if (!forgeKey.n) throw new Pkcs12Error('UNSUPPORTED_KEY');
  const certs = bagsOf(forge.pki.oids.certBag)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(forgeKey.n) === 0 && pub.e?.compareTo(forgeKey.e) === 0;
  });
  if (!own) throw new Pkcs12Error('NO_MATCHING_CERT');
  const der = (c: forge.pki.Certificate) =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const ownDer = der(own);
  return {
    key,
    certificates: [ownDer, ...certs.filter((c) => c !== own).map(der)],
    info: certificateInfo(ownDer),
  };
}
