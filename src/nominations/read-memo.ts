/**
 * Facts shared by the nominations of one read (tier rules, tiers, a term's ranking and peers, the
 * province's counts), loaded once per read instead of once per nomination. Only for one database
 * job: a new memo is made for each read, so nothing outlives the transaction it was read in.
 */
export class ReadMemo {
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let v = this.values.get(key) as Promise<T> | undefined;
    if (!v) {
      v = load();
      this.values.set(key, v);
    }
    return v;
  }
}
