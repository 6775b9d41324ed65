/**
 * A part's text gathered piece by piece and kept as UTF-8 bytes, a block at a time: a worksheet of a million cells
 * is built from millions of short strings, which the engine would otherwise keep (and garbage-collect) as one
 * tree of pieces until the whole text is joined, and which the zip writer would then encode again.
 */
export class Utf8Chunks {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private pieces: string[] = [];
  private length = 0;

  /** Characters gathered before they are encoded. */
  private static readonly BLOCK = 1 << 20;

  add(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
    if (this.length >= Utf8Chunks.BLOCK) this.flush();
  }

  /** Everything added, as one array of bytes. */
  bytes(): Uint8Array {
    this.flush();
    const all = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.encoder.encode(this.pieces.join("")));
    this.pieces = [];
    this.length = 0;
  }
}
