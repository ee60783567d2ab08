import { ApiProperty } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import { DOC_KINDS, type DocKind } from '../../domain/documents/view-model';
import type { DocumentDto, DocumentSignatureDto } from '../document.mapper';

/**
 * Swagger's reading of a generated document (the `DocumentDto` interface of document.mapper.ts,
 * which the code uses); the `InStep` lines fail to typecheck when the two drift apart.
 */

export class CertificateViewDto {
  @ApiProperty({ example: 'CN=Ủy ban nhân dân huyện Cẩm Giàng, O=UBND tỉnh Hải Dương, C=VN' })
  subject!: string;
  @ApiProperty({ example: 'CN=Vietnam Government CA, O=Ban Cơ yếu Chính phủ, C=VN' })
  issuer!: string;
  @ApiProperty({ example: '54010101a1b2c3d4' }) serial!: string;
  @ApiProperty({ example: '2023-01-01T00:00:00.000Z' }) validFrom!: string;
  @ApiProperty({ example: '2027-12-31T23:59:59.000Z' }) validTo!: string;
}

export class DocumentSignatureViewDto {
  @ApiProperty({ example: '2023-12-16T02:00:00.000Z' }) signedAt!: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) signerName!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cẩm Giàng' }) organizationName!: string;
  @ApiProperty({ description: 'SHA-256 của tệp PDF đã ký', example: 'd4c1…' }) sha256!: string;
  @ApiProperty({ type: CertificateViewDto }) certificate!: CertificateViewDto;
}

export class DocumentLinksDto {
  @ApiProperty({ example: '/api/documents/21/bien-ban-hoi-nghi.html' }) html!: string;
  @ApiProperty({ example: '/api/documents/21/bien-ban-hoi-nghi.pdf' }) pdf!: string;
  @ApiProperty({ example: '/api/documents/21/bien-ban-hoi-nghi.docx' }) docx!: string;
}

export class GeneratedDocumentDto {
  @ApiProperty({ example: 21 }) id!: number;
  @ApiProperty({ example: 12 }) meetingId!: number;
  @ApiProperty({ enum: DOC_KINDS, example: 'MINUTES' }) kind!: DocKind;
  @ApiProperty({ example: 'Biên bản hội nghị' }) kindLabel!: string;
  @ApiProperty({ description: 'Phiên bản của văn bản', example: 1 }) versionNo!: number;
  @ApiProperty({ description: 'Số, ký hiệu', example: 'Số: 01/BB-KTĐ' }) numberText!: string;
  @ApiProperty({ description: 'SHA-256 của dữ liệu lập văn bản', example: '0be7…' })
  snapshotSha256!: string;
  @ApiProperty({ example: '2023.1' }) templateVersion!: string;
  @ApiProperty({ example: '2023-12-15T05:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ description: 'Đường dẫn tải theo định dạng', type: DocumentLinksDto })
  links!: DocumentLinksDto;
  @ApiProperty({
    description: 'Chữ ký số của phiên bản này (null khi chưa ký)',
    type: DocumentSignatureViewDto,
    nullable: true,
  })
  signature!: DocumentSignatureViewDto | null;
}

export type GeneratedDocumentInStep = InStep<SameShape<DocumentDto, GeneratedDocumentDto>>;
export type DocumentSignatureInStep = InStep<
  SameShape<DocumentSignatureDto, DocumentSignatureViewDto>
>;
