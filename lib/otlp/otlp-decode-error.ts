// Thrown for a body that cannot be decoded at all. The receiver answers 400 with this message,
// so it must stay English, short and free of anything but facts about the body's shape.
export class OtlpDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OtlpDecodeError";
  }
}
