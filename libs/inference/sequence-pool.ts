// Hands out a context's sequences one job at a time: a sequence holds one conversation's KV cache,
// so concurrent jobs on the edge pool are bounded by the sequences the context was created with.

export class SequencePool<Sequence> {
  private readonly free: Sequence[];
  private readonly waiting: Array<(sequence: Sequence) => void> = [];

  constructor(sequences: Sequence[]) {
    this.free = [...sequences];
  }

  acquire(): Promise<Sequence> {
    const sequence = this.free.pop();
    if (sequence !== undefined) return Promise.resolve(sequence);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(sequence: Sequence): void {
    const next = this.waiting.shift();
    if (next) next(sequence);
    else this.free.push(sequence);
  }

  async use<Result>(work: (sequence: Sequence) => Promise<Result>): Promise<Result> {
    const sequence = await this.acquire();
    try {
      return await work(sequence);
    } finally {
      this.release(sequence);
    }
  }
}
