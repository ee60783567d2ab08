import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** Creation/update timestamps with one type per driver chosen by TypeORM (UTC). */
export const CreatedAt = (): PropertyDecorator => CreateDateColumn();
export const UpdatedAt = (): PropertyDecorator => UpdateDateColumn();

/** SQL list for a CHECK (... IN (...)) over a closed set of codes. */
export function sqlIn(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
}
