/**
 * A first-in first-out queue of async jobs, one at a time. TypeORM shares one connection and
 * one transaction state for every request on SQLite, so two overlapping transactions would
 * nest as savepoints and one rollback could wipe another request's work (typeorm #8668,
 * #11143). Every database job on SQLite goes through this queue (RELIABILITY G5, D3).
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  run<T>(job: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(job);
    this.tail = result.then(
      () => {
        this.pending -= 1;
      },
      () => {
        this.pending -= 1;
      },
    );
    return result;
  }

  get size(): number {
    return this.pending;
  }
}
