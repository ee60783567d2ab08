import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateInfo, type CertificateInfo } from './pkcs12';

/** What one signature of a PDF says about the file, checked without trusting the file. */
export interface SignatureCheck {
  /** The CMS signature verifies with its certificate and its digest equals that of the signed bytes. */
  readonly cryptographicallyValid: boolean;
  /** The signed byte range is the whole file but the signature value itself (nothing appended after). */
  readonly coversWholeFile: boolean;
  readonly certificate: CertificateInfo | null;
  /** The /M entry of the signature dictionary, as written (D:YYYYMMDDHHmmSS+07'00'). */
  readonly claimedSigningTime: Date | null;
  readonly subFilter: string | null;
}

const ascii = (b: Buffer) => b.toString('latin1');

function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-])?(\d{2})?'?(\d{2})?/.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se, sign, oh, om] = m;
  const offset = sign && sign !== 'Z' ? `${sign}${oh ?? '00'}:${om ?? '00'}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function verifyCms(
  cms: Buffer,
  signed: Buffer,
): Promise<{ valid: boolean; certificate: CertificateInfo | null }> {
  try {
    const der = Uint8Array.from(cms.subarray(0, cmsLength(cms)));
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1) return { valid: false, certificate: null };
    const content = new pkijs.ContentInfo({ schema: asn.result });
    if (content.contentType !== '1.2.840.113549.1.7.2') return { valid: false, certificate: null };
    const sd = new pkijs.SignedData({ schema: content.content });
    const signer = sd.signerInfos[0];
    const certs = ((sd.certificates ?? []) as unknown[]).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
    );
    const sid: unknown = signer?.sid;
    const own =
      sid instanceof pkijs.IssuerAndSerialNumber
        ? certs.find(
            (c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer),
          )
        : undefined;
    const certificate = own ? certificateInfo(Buffer.from(own.toSchema().toBER(false))) : null;
    const result = await sd.verify({
      signer: 0,
      data: Uint8Array.from(signed).buffer,
      checkChain: false,
      extendedMode: true,
    });
    return { valid: result.signatureVerified === true, certificate };
  } catch {
    return { valid: false, certificate: null };
  }
}

/** Length of the DER value at the start of a zero-padded buffer (the /Contents hole is padded). */
function cmsLength(b: Buffer): number {
  if (b.length < 2 || b[0] !== 0x30) return b.length;
  const first = b[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i]!;
  return Math.min(b.length, 2 + n + len);
}

/**
 * Finds every signature of a PDF (each /ByteRange) and checks it: the hole between the two ranges
 * must hold exactly the hex-encoded CMS, the CMS must verify over the ranges' bytes, and the last
 * range must end at the end of the file for the signature to cover the whole document.
 */
export async function checkPdfSignatures(pdf: Buffer): Promise<SignatureCheck[]> {
  const text = ascii(pdf);
  const out: SignatureCheck[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    const hole = a + b;
    const sane = a === 0 && b > 0 && c > hole && c + d <= pdf.length && d >= 0;
    const holeText = sane ? text.slice(hole, c) : '';
    const hexOk = /^<[0-9a-fA-F]*>$/.test(holeText);
    // The signature dictionary: from its "<<" to the ByteRange, and after the signature value.
    const dictStart = Math.max(0, text.lastIndexOf('<<', m.index));
    const dict = text.slice(dictStart, m.index) + (sane ? text.slice(c, c + 4000) : '');
    const mDate = /\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1] ?? null;
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#]+)/.exec(dict)?.[1] ?? null;
    if (!sane || !hexOk) {
      out.push({
        cryptographicallyValid: false,
        coversWholeFile: false,
        certificate: null,
        claimedSigningTime: mDate ? parsePdfDate(mDate) : null,
        subFilter,
      });
      continue;
    }
    const cms = Buffer.from(holeText.slice(1, -1), 'hex');
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const { valid, certificate } = await verifyCms(cms, signed);
    // A viewer shows the file's last revision: bytes appended after the signed range are unsigned.
    const tail = pdf.subarray(c + d).toString('latin1');
    out.push({
      cryptographicallyValid: valid,
      coversWholeFile: /^\s*$/.test(tail),
      certificate,
      claimedSigningTime: mDate ? parsePdfDate(mDate) : null,
      subFilter,
    });
  }
  return out;
}
