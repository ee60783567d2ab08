import { createHash, sign as rsaSign } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './pkcs12';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

/** Room for the CMS in the PDF (bytes): an RSA-4096 signature with a three-certificate chain fits. */
const SIGNATURE_ROOM = 16_384;

const toArrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/**
 * ETSI EN 319 122-1 (CAdES baseline B, as PAdES baseline B requires): the signed attributes are the
 * content type, the message digest and the ESS signing-certificate-v2 (the SHA-256 of the signer's
 * certificate), and no signing-time attribute: the claimed signing time is the /M entry of the PDF
 * signature dictionary (EN 319 142-1, 5.4). The CMS structures are built with PKIjs; the RSA
 * signature itself is Node's.
 */
class PadesBaselineBSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override sign(pdf: Buffer): Promise<Buffer> {
    const certs = this.identity.certificates.map((der) =>
      pkijs.Certificate.fromBER(toArrayBuffer(der)),
    );
    const own = certs[0]!;
    const ownDer = this.identity.certificates[0]!;
    const essCertIdV2 = new asn1js.Sequence({
      value: [
        // hashAlgorithm is omitted: SHA-256 is its DEFAULT (RFC 5035)
        new asn1js.OctetString({
          valueHex: toArrayBuffer(createHash('sha256').update(ownDer).digest()),
        }),
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.Constructed({
                  idBlock: { tagClass: 3, tagNumber: 4 },
                  value: [own.issuer.toSchema()],
                }),
              ],
            }),
            new asn1js.Integer({
              valueHex: own.serialNumber.valueBlock.valueHexView.slice().buffer,
            }),
          ],
        }),
      ],
    });
    const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({
          type: OID.contentType,
          values: [new asn1js.ObjectIdentifier({ value: OID.data })],
        }),
        new pkijs.Attribute({
          type: OID.messageDigest,
          values: [
            new asn1js.OctetString({
              valueHex: toArrayBuffer(createHash('sha256').update(pdf).digest()),
            }),
          ],
        }),
        new pkijs.Attribute({
          type: OID.signingCertificateV2,
          values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
        }),
      ],
    });
    // The signature covers the DER of the attributes as a SET OF (RFC 5652, 5.4).
    const attrsDer = Buffer.from(
      new asn1js.Set({ value: signedAttrs.attributes.map((a) => a.toSchema()) }).toBER(false),
    );
    const signature = rsaSign('sha256', attrsDer, this.identity.key);
    const signerInfo = new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: own.issuer, serialNumber: own.serialNumber }),
      digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      signedAttrs,
      signatureAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OID.rsaEncryption,
        algorithmParams: new asn1js.Null(),
      }),
      signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      certificates: certs,
      signerInfos: [signerInfo],
    });
    const contentInfo = new pkijs.ContentInfo({
      contentType: OID.signedData,
      content: signedData.toSchema(true),
    });
    return Promise.resolve(Buffer.from(contentInfo.toSchema().toBER(false)));
  }
}

/**
 * Signs a PDF (PAdES baseline B, SubFilter ETSI.CAdES.detached) as an incremental update over its
 * exact bytes, with @signpdf's placeholder and splicing: the ByteRange covers the whole file but the
 * signature value.
 */
export async function signPdf(
  pdf: Buffer,
  identity: SigningIdentity,
  meta: { reason: string; name: string; location: string; signingTime: Date },
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: meta.reason,
    name: meta.name,
    location: meta.location,
    contactInfo: '',
    signingTime: meta.signingTime,
    signatureLength: SIGNATURE_ROOM,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'thidua',
  });
  return new SignPdf().sign(withPlaceholder, new PadesBaselineBSigner(identity), meta.signingTime);
}
