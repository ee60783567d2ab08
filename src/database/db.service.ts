import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SerialQueue } from './serial-queue';

/**
 * The only door to the database for services. `write` runs a unit of work in one transaction
 * (data and its audit row commit or roll back together); `read` runs queries outside one.
 * On SQLite both go through one FIFO queue because the driver shares a single connection and
 * transaction state; on PostgreSQL each call gets its own pooled connection.
 */
@Injectable()
export class Db {
  private readonly queue = new SerialQueue();
  private readonly serialised: boolean;
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialised = dataSource.options.type === 'better-sqlite3';
  }

  get kind(): 'sqlite' | 'postgres' {
    return this.serialised ? 'sqlite' : 'postgres';
  }

  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    this.assertNotNested();
    const job = () => this.inside.run(true, () => this.dataSource.transaction((em) => work(em)));
    return this.serialised ? this.queue.run(job) : job();
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    this.assertNotNested();
    const job = () => this.inside.run(true, () => work(this.dataSource.manager));
    return this.serialised ? this.queue.run(job) : job();
  }

  /** Jobs waiting or running on the SQLite queue (0 on PostgreSQL). */
  get queued(): number {
    return this.queue.size;
  }

  private assertNotNested(): void {
    if (this.inside.getStore()) {
      // A nested call would wait for itself on the SQLite queue: pass the EntityManager instead.
      throw new Error(
        'Db.read/Db.write called inside another Db job; pass the EntityManager down instead',
      );
    }
  }
}
