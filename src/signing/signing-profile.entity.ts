import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CreatedAt, UpdatedAt } from '../database/columns';

/**
 * An issuer's signing material (Decree 30, art. 8 and 13): the PKCS#12 certificate and its password
 * sealed with a key kept outside the database (SecretBox), what the certificate says (shown, never
 * the key), the signer's signature image and the organization's seal image, and who may sign.
 */
@Entity('signing_profile')
@Unique('UQ_signing_profile_issuer', ['issuerKey'])
@Check('CHK_signing_profile_seal', '"seal_diameter_mm" BETWEEN 20 AND 60')
@Check('CHK_signing_profile_signature_width', '"signature_width_mm" BETWEEN 15 AND 80')
export class SigningProfileEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** The issuer whose documents it signs, as in document_series ("bloc:1"). */
  @Column({ type: 'varchar', length: 64 }) issuerKey!: string;
  /** The organization whose seal it is, printed with the signing time (e.g. "Ủy ban nhân dân huyện Cẩm Giàng"). */
  @Column({ type: 'varchar', length: 300 }) organizationName!: string;
  @Column({ type: 'varchar', length: 200 }) signerName!: string;
  /** AES-256-GCM sealed JSON { p12, password }; never returned or logged. */
  @Column({ type: 'text' }) sealedCredential!: string;
  @Column({ type: 'varchar', length: 1000 }) certSubject!: string;
  @Column({ type: 'varchar', length: 1000 }) certIssuer!: string;
  @Column({ type: 'varchar', length: 80 }) certSerial!: string;
  @Column({ type: 'varchar', length: 32 }) certValidFrom!: string;
  @Column({ type: 'varchar', length: 32 }) certValidTo!: string;
  @Column({ type: 'text' }) signatureImageBase64!: string;
  @Column({ type: 'integer' }) signatureWidthMm!: number;
  @Column({ type: 'text' }) sealImageBase64!: string;
  /** The seal is printed at its real size (Decree 30, Appendix I, part II). */
  @Column({ type: 'integer' }) sealDiameterMm!: number;
  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}

/** An account that may sign for a profile (the chair, the head of the bloc, the office's leader). */
@Entity('signing_profile_signer')
@Unique('UQ_signing_profile_signer', ['profileId', 'userId'])
@Index('IDX_signing_profile_signer_user', ['userId'])
export class SigningProfileSignerEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) profileId!: number;
  @ManyToOne(() => SigningProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: SigningProfileEntity;
  @Column({ type: 'integer' }) userId!: number;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
