import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../../database/columns';

/** The body that organises blocs (cơ quan tổ chức / chủ quản); it heads their documents. */
@Entity('organizing_body')
export class OrganizingBodyEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;

  /** "Ủy ban nhân dân tỉnh Hải Dương". */
  @Column({ type: 'varchar', length: 300 }) name!: string;

  /** Parent line of a document header: "UBND TỈNH HẢI DƯƠNG". */
  @Column({ type: 'varchar', length: 300 }) headerLine!: string;

  /** Place of the date line: "Hải Dương". */
  @Column({ type: 'varchar', length: 100 }) place!: string;

  /** Completes a local authority's title: "tỉnh Hải Dương". */
  @Column({ type: 'varchar', length: 200 }) locality!: string;

  /** Addressee of the bloc's proposal letter. */
  @Column({ type: 'varchar', length: 300 }) addressee!: string;

  /** The office kept informed in "Nơi nhận". */
  @Column({ type: 'varchar', length: 300 }) office!: string;

  /**
   * Codes of the deciding authorities whose tiers its blocs propose, comma-separated
   * ("FRONT_PROVINCE_CHAIRMAN,FRONT_CENTRAL_CHAIRMAN"): a Front cụm proposes the Front's awards.
   */
  @Column({ type: 'varchar', length: 500, default: '' }) authorityCodes!: string;

  /** A correction (đính chính) of a finalized meeting waits for an administrator's approval. */
  @Column({ type: 'boolean', default: false }) correctionNeedsApproval!: boolean;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
