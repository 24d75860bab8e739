/** The last `capacity` ids seen, to drop a redelivered message without touching the store. */
export class RecentIds {
  private readonly ids = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    if (this.ids.has(id)) return;
    if (this.order.length < this.capacity) {
      this.order.push(id);
    } else {
      this.ids.delete(this.order[this.head]!);
      this.order[this.head] = id;
      this.head = (this.head + 1) % this.capacity;
    }
    this.ids.add(id);
  }
}
