import JSZip from "jszip";
import { UnreadablePackage, damagedPart } from "./unreadablePackage";

/**
 * An .xlsx package opened for surgical edits: parts are read on demand, and a part nobody sets is written
 * back as it was read (jszip reuses its compressed bytes), so what a command does not own stays byte for
 * byte. Browser-safe: no file system.
 */
export class ZipPackage {
  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<ZipPackage> {
    try {
      return new ZipPackage(await JSZip.loadAsync(bytes));
    } catch {
      throw new UnreadablePackage("it is not a complete zip archive (damaged or cut short)");
    }
  }

  /** Every part name, without the folders a zip may list. */
  names(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  has(name: string): boolean {
    const file = this.zip.file(name);
    return file !== null && !file.dir;
  }

  async text(name: string): Promise<string> {
    const file = this.zip.file(name);
    if (file === null) throw damagedPart(name, "is missing");
    try {
      return await file.async("string");
    } catch {
      // jszip's own words ("invalid stored block lengths", "Corrupted zip: CRC32 mismatch") mean nothing
      // to a user.
      throw damagedPart(name, "cannot be unpacked (the archive is damaged)");
    }
  }

  /** The part's text, or undefined when the package has no such part. */
  async textIfAny(name: string): Promise<string | undefined> {
    return this.has(name) ? this.text(name) : undefined;
  }

  /**
   * Sets the part's content: text, or text already encoded as UTF-8; `level`, its own deflate level (1 fastest to 9
   * smallest) in place of the package's 6.
   */
  set(name: string, content: string | Uint8Array, level?: number): void {
    this.zip.file(
      name,
      content,
      level === undefined ? {} : { compression: "DEFLATE", compressionOptions: { level } }
    );
  }

  remove(name: string): void {
    this.zip.remove(name);
  }

  async save(): Promise<Uint8Array> {
    return this.zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    });
  }
}
