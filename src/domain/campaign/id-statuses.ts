import { IdIndex } from '../id-index.js';
import { ByteCodes, grown } from '../compact.js';
import { customerKey } from './customer-key.js';

/**
 * Customer ids with a status each ('list:email', 'not_due', …), kept compact: the ids' UTF-8
 * bytes side by side in one array, a status as a number into the few distinct ones, and an
 * IdIndex from the id's 64-bit fingerprint to its place (docs/performance.md, "The weekly cron
 * job"). campaign --previous keeps the customers the previous run listed in one for the whole
 * run: as a Map of strings, ~250,000 of them took 17 MB beside the planning. Two ids whose
 * fingerprints collide (≈ n²/2⁶⁵) share one entry, as in the duplicate check. An id is found by
 * the key campaign paces by (customerKey: "KD-1001" is "kd-1001" next week); keys() gives each
 * customer under the spelling it was first set with.
 */
export class IdStatuses {
  private readonly index = new IdIndex();
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** per entry: where its id's bytes start (the next entry's start is where they end) */
  private starts = new Uint32Array(1024);
  private codes = new Uint8Array(1024);
  private count = 0;
  private readonly statuses = new ByteCodes('statuses');

  get size(): number {
    return this.count;
  }

  /** Gives `id` the status `status` (a later set replaces an earlier one, as Map.set does). */
  set(id: string, status: string): this {
    const code = this.statuses.code(status);
    const seen = this.index.add(customerKey(id), this.count + 1);
    if (seen !== 0) {
      this.codes[seen - 1] = code;
      return this;
    }
    this.append(id, code);
    return this;
  }

  get(id: string): string | undefined {
    const at = this.index.lineOf(customerKey(id));
    return at === 0 ? undefined : this.statuses.text(this.codes[at - 1] as number);
  }

  has(id: string): boolean {
    return this.index.lineOf(customerKey(id)) !== 0;
  }

  /** The ids, in the order they were first set. */
  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.count; i++) yield this.idAt(i);
  }

  private idAt(i: number): string {
    const end = i + 1 < this.count ? (this.starts[i + 1] as number) : this.used;
    return DECODER.decode(this.bytes.subarray(this.starts[i], end));
  }

  private append(id: string, code: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, new Uint32Array(2 * this.starts.length));
      this.codes = grown(this.codes, new Uint8Array(2 * this.codes.length));
    }
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.used + 3 * id.length > this.bytes.length) this.bytes = grown(this.bytes, new Uint8Array(Math.max(2 * this.bytes.length, this.used + 3 * id.length)));
    this.starts[this.count] = this.used;
    this.codes[this.count] = code;
    this.used += ENCODER.encodeInto(id, this.bytes.subarray(this.used)).written;
    this.count++;
  }
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
