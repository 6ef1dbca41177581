// Gathers items that arrive one at a time (BullMQ hands the worker one job per slot) into chunks
// handled together: a chunk goes when it is full or when its first item has waited `lingerMs`.

export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: Error };

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: Error) => void;
}

export class ChunkCollector<I, O> {
  private pending: Pending<I, O>[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly size: number,
    private readonly lingerMs: number,
    /** Handles a chunk; one outcome per item, in order. A throw fails every item of the chunk. */
    private readonly handle: (items: I[]) => Promise<ItemOutcome<O>[]>,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.size) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const chunk = this.pending;
    this.pending = [];
    if (chunk.length === 0) return;
    this.handle(chunk.map((entry) => entry.item)).then(
      (outcomes) =>
        chunk.forEach((entry, index) => {
          const outcome = outcomes[index];
          if (!outcome) entry.reject(new Error('the chunk handler gave no outcome for this item'));
          else if (outcome.ok) entry.resolve(outcome.value);
          else entry.reject(outcome.error);
        }),
      (error: Error) => chunk.forEach((entry) => entry.reject(error)),
    );
  }
}
