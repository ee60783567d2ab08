import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeTestPkcs12 } from '../../test/helpers/test-certificate';
import { renderPdf } from '../documents/render/pdf-renderer';
import type { DocumentViewModel } from '../domain/documents/view-model';
import { signPdf } from './pades';
import { checkPdfSignatures } from './pdf-signature-check';
import { Pkcs12Error, readPkcs12 } from './pkcs12';

const vm: DocumentViewModel = {
  kind: 'MINUTES',
  rehearsal: false,
  header: {
    parentBody: 'UBND TỈNH HẢI DƯƠNG',
    issuer: 'KHỐI THI ĐUA',
    numberText: 'Số: 01/BB-KTĐ',
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: 'Hải Dương, ngày 28 tháng 3 năm 2024',
  },
  title: 'BIÊN BẢN',
  subtitle: 'Họp bình xét thi đua năm 2023',
  addressee: null,
  blocks: [{ type: 'paragraph', text: 'Nội dung biên bản.' }],
  signatures: [
    { left: null, right: { authority: null, position: 'CHỦ TỌA', name: 'Nguyễn Văn An' } },
  ],
  recipientsLabel: 'Nơi nhận:',
  recipients: ['- Lưu: VT.'],
  integrity: { sha256: '0'.repeat(64), templateVersion: 'test', text: 'test' },
  watermark: null,
};

describe('PAdES signing and checking', () => {
  const cert = makeTestPkcs12();
  const identity = readPkcs12(cert.p12, cert.password);
  let signed: Buffer;

  beforeAll(async () => {
    signed = await signPdf(await renderPdf(vm), identity, {
      reason: 'Ký ban hành',
      name: identity.info.commonName,
      location: 'Hải Dương',
      signingTime: new Date('2024-03-28T03:15:30Z'),
    });
  });

  it('reads the certificate of a PKCS#12 file and refuses a wrong password', () => {
    expect(identity.info.commonName).toBe('Nguyễn Văn An');
    expect(identity.info.serial).toMatch(/^[0-9A-F]+$/);
    expect(() => readPkcs12(cert.p12, 'sai')).toThrow(Pkcs12Error);
  });

  it('signs the whole file with ETSI.CAdES.detached, checked by our reader and by poppler pdfsig', async () => {
    const [check, ...more] = await checkPdfSignatures(signed);
    expect(more).toEqual([]);
    expect(check).toMatchObject({
      cryptographicallyValid: true,
      coversWholeFile: true,
      subFilter: 'ETSI.CAdES.detached',
    });
    expect(check!.certificate?.commonName).toBe('Nguyễn Văn An');
    expect(check!.claimedSigningTime?.toISOString()).toBe('2024-03-28T03:15:30.000Z');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-sig-')), 'signed.pdf');
    fs.writeFileSync(file, signed);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Total document signed');
  });

  it('reports a signature invalid when one signed byte changes, or when bytes are appended', async () => {
    const changed = Buffer.from(signed);
    changed[300] = changed[300]! ^ 0x01;
    expect((await checkPdfSignatures(changed))[0]?.cryptographicallyValid).toBe(false);
    const appended = Buffer.concat([signed, Buffer.from('\n%thêm\n')]);
    expect((await checkPdfSignatures(appended))[0]).toMatchObject({
      cryptographicallyValid: true,
      coversWholeFile: false,
    });
  });

  it('finds no signature in an unsigned PDF', async () => {
    expect(await checkPdfSignatures(await renderPdf(vm))).toEqual([]);
  });
});
