import { ApiProperty } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import { CertificateViewDto } from '../../documents/dto/document-view.dto';
import type { PdfCheckDto, SigningProfileDto } from '../signing.service';

/** Swagger's reading of the signing answers (interfaces of signing.service.ts), kept in step. */

export class ProfileSignerDto {
  @ApiProperty({ example: 7 }) userId!: number;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) displayName!: string;
}

export class SigningProfileViewDto {
  @ApiProperty({ example: 'bloc:3' }) issuerKey!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cẩm Giàng' }) organizationName!: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) signerName!: string;
  @ApiProperty({ type: CertificateViewDto }) certificate!: CertificateViewDto;
  @ApiProperty({ example: 40 }) signatureWidthMm!: number;
  @ApiProperty({ example: 36 }) sealDiameterMm!: number;
  @ApiProperty({ description: 'Người được ký', type: [ProfileSignerDto] })
  signers!: ProfileSignerDto[];
  @ApiProperty({ example: 1 }) version!: number;
}

export class CheckedCertificateDto extends CertificateViewDto {
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cẩm Giàng' }) commonName!: string;
}

export class CheckedSignatureDto {
  @ApiProperty({ example: true }) valid!: boolean;
  @ApiProperty({ example: true }) coversWholeFile!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2023-12-16T02:00:00.000Z' })
  signedAt!: string | null;
  @ApiProperty({ type: CheckedCertificateDto, nullable: true })
  certificate!: CheckedCertificateDto | null;
}

export class CheckedRecordDto {
  @ApiProperty({ example: 21 }) documentId!: number;
  @ApiProperty({ example: 12 }) meetingId!: number;
  @ApiProperty({ example: 'MINUTES' }) kind!: string;
  @ApiProperty({ example: 'Biên bản hội nghị' }) kindLabel!: string;
  @ApiProperty({ example: 'Số: 01/BB-KTĐ' }) numberText!: string;
  @ApiProperty({ example: 1 }) versionNo!: number;
  @ApiProperty({ example: '0be7…' }) snapshotSha256!: string;
  @ApiProperty({ example: '2023-12-16T02:00:00.000Z' }) signedAt!: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) signerName!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cẩm Giàng' }) organizationName!: string;
}

export class PdfCheckViewDto {
  @ApiProperty({ description: 'SHA-256 của tệp đã gửi', example: 'd4c1…' }) sha256!: string;
  @ApiProperty({ example: true }) signed!: boolean;
  @ApiProperty({ description: 'Mọi chữ ký hợp lệ, chữ ký cuối phủ toàn tệp', example: true })
  intact!: boolean;
  @ApiProperty({ type: [CheckedSignatureDto] }) signatures!: CheckedSignatureDto[];
  @ApiProperty({
    description: 'Văn bản gốc đã lưu có đúng các byte này (null khi không có)',
    type: CheckedRecordDto,
    nullable: true,
  })
  record!: CheckedRecordDto | null;
}

export type SigningProfileInStep = InStep<SameShape<SigningProfileDto, SigningProfileViewDto>>;
export type PdfCheckInStep = InStep<SameShape<PdfCheckDto, PdfCheckViewDto>>;
