import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBase64,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * An issuer's signing material. The certificate file and the images travel as base64 (the whole body
 * stays under the 1 MB JSON limit: at most 32 KiB of PKCS#12 and 256 KiB per image).
 */
export class SaveSigningProfileDto {
  @ApiProperty({ example: 'Ủy ban nhân dân thành phố Hải Dương' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  organizationName!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signerName!: string;

  @ApiProperty({
    description: 'Tệp chứng thư số PKCS#12 (.p12/.pfx), base64; không bao giờ được trả lại',
  })
  @IsBase64()
  @MaxLength(44_000)
  p12Base64!: string;

  @ApiProperty({ description: 'Mật khẩu của tệp PKCS#12; được mã hóa, không bao giờ được trả lại' })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiProperty({ description: 'Ảnh chữ ký của người ký: PNG nền trong suốt, màu xanh, base64' })
  @IsBase64()
  @MaxLength(350_000)
  signatureImageBase64!: string;

  @ApiProperty({ example: 40, description: 'Chiều rộng in của ảnh chữ ký (mm)' })
  @IsInt()
  @Min(15)
  @Max(80)
  signatureWidthMm!: number;

  @ApiProperty({ description: 'Ảnh con dấu của cơ quan: PNG nền trong suốt, màu đỏ, base64' })
  @IsBase64()
  @MaxLength(350_000)
  sealImageBase64!: string;

  @ApiProperty({
    example: 36,
    description: 'Đường kính thực của con dấu (mm): ảnh dấu in đúng kích thước này',
  })
  @IsInt()
  @Min(20)
  @Max(60)
  sealDiameterMm!: number;

  @ApiProperty({ type: [Number], description: 'Tài khoản được ký văn bản của cơ quan này' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  signerUserIds!: number[];
}
