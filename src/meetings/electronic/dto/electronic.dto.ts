import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHOICES, type Choice } from '../../../domain/voting/electronic';
import { AckDto, WrittenCountsDto } from '../../dto/meeting.dto';

/** A voting code as typed or scanned (spaces, dashes and case do not matter). */
export class VotingCodeDto {
  @ApiProperty({ example: 'K7QM-2XHD-9RTA-WP3F' }) @IsString() @MaxLength(40) code!: string;
}

/** One cast: the code and one choice per nominee, in the order printed on the ballot. */
export class CastDto extends VotingCodeDto {
  @ApiProperty({ enum: CHOICES, isArray: true })
  @IsArray()
  @ArrayMaxSize(100)
  @IsIn(CHOICES, { each: true })
  choices!: Choice[];
}

export class VoidSlipDto {
  @ApiProperty({ description: 'Số phiếu mã bị mất (in trên phiếu mã)' })
  @IsInt()
  @Min(1)
  @Max(100000)
  slipNo!: number;
}

/** The counting committee's confirmation, with the written ballots of absent members if any. */
export class ConfirmDto {
  @ApiPropertyOptional({ type: WrittenCountsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WrittenCountsDto)
  written?: WrittenCountsDto;
  @ApiPropertyOptional({ type: [AckDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AckDto)
  acknowledgements?: AckDto[];
}
