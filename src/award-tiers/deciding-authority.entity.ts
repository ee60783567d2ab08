import { Check, Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import {
  AUTHORITY_JURISDICTIONS,
  type AuthorityJurisdiction,
} from '../domain/registry/deciding-authority';

/** An authority that decides award tiers (Prime Minister, provincial chairman, Front chairman…). */
@Entity('deciding_authority')
@Check('CHK_deciding_authority_jurisdiction', sqlIn('jurisdiction', AUTHORITY_JURISDICTIONS))
export class DecidingAuthorityEntity {
  @PrimaryGeneratedColumn() id!: number;

  /** PRIME_MINISTER, PROVINCE_CHAIRMAN… */
  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;

  /** "Thủ tướng Chính phủ", "Chủ tịch Ủy ban nhân dân". */
  @Column({ type: 'varchar', length: 300 }) title!: string;

  @Column({ type: 'varchar', length: 16 }) jurisdiction!: AuthorityJurisdiction;

  /** "tặng". */
  @Column({ type: 'varchar', length: 50 }) awardVerb!: string;

  /** The article that gives the competence. */
  @Column({ type: 'varchar', length: 500 }) legalBasis!: string;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
