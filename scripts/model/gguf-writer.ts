// A dependency-free GGUF v3 writer: enough of the format for llama.cpp to load a model we build
// ourselves (tests cannot download weights). Layout: header, metadata, tensor infos, padding to
// the alignment, then each tensor's data at an aligned offset.
import { closeSync, openSync, writeSync } from 'node:fs';

const GGUF_MAGIC = 'GGUF';
const GGUF_VERSION = 3;
const ALIGNMENT = 32;

enum ValueType {
  UINT32 = 4,
  INT32 = 5,
  FLOAT32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
}

export enum TensorType {
  F32 = 0,
  F16 = 1,
}

/** A metadata value with its GGUF type made explicit (JS numbers do not say u32 vs f32). */
export type MetadataValue =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: string[] }
  | { type: 'i32[]'; value: number[] };

export interface TensorSpec {
  name: string;
  /** dims[0] is the row length (ggml's ne0). */
  dims: number[];
  type: TensorType;
  /** Fills the tensor in row-major order (ne0 fastest); called once, when its data is written. */
  fill: (values: Float32Array) => void;
}

/** Appends little-endian primitives to a growing list of buffers. */
class ByteSink {
  readonly chunks: Buffer[] = [];
  length = 0;

  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  u32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    this.push(buffer);
  }
  i32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32LE(value);
    this.push(buffer);
  }
  u64(value: number): void {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64LE(BigInt(value));
    this.push(buffer);
  }
  f32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeFloatLE(value);
    this.push(buffer);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
}

function writeMetadataValue(sink: ByteSink, entry: MetadataValue): void {
  switch (entry.type) {
    case 'u32':
      sink.u32(ValueType.UINT32);
      return sink.u32(entry.value);
    case 'i32':
      sink.u32(ValueType.INT32);
      return sink.i32(entry.value);
    case 'f32':
      sink.u32(ValueType.FLOAT32);
      return sink.f32(entry.value);
    case 'bool':
      sink.u32(ValueType.BOOL);
      return sink.push(Buffer.from([entry.value ? 1 : 0]));
    case 'string':
      sink.u32(ValueType.STRING);
      return sink.string(entry.value);
    case 'string[]':
      sink.u32(ValueType.ARRAY);
      sink.u32(ValueType.STRING);
      sink.u64(entry.value.length);
      return entry.value.forEach((item) => sink.string(item));
    case 'i32[]':
      sink.u32(ValueType.ARRAY);
      sink.u32(ValueType.INT32);
      sink.u64(entry.value.length);
      return entry.value.forEach((item) => sink.i32(item));
  }
}

const bytesPerElement = (type: TensorType): number => (type === TensorType.F32 ? 4 : 2);
const alignUp = (offset: number): number => Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
const elementCount = (dims: number[]): number => dims.reduce((product, dim) => product * dim, 1);

const float32View = new Float32Array(1);
const uint32View = new Uint32Array(float32View.buffer);

/** IEEE 754 half precision, round-to-nearest; our weights are small so subnormals are rare. */
export function toHalf(value: number): number {
  float32View[0] = value;
  const bits = uint32View[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    const subnormal = (mantissa | 0x800000) >> (1 - exponent);
    return sign | ((subnormal + 0x1000) >> 13);
  }
  if (exponent >= 31) return sign | 0x7c00;
  return sign | ((exponent << 10) + ((mantissa + 0x1000) >> 13));
}

function encodeTensor(spec: TensorSpec): Buffer {
  const values = new Float32Array(elementCount(spec.dims));
  spec.fill(values);
  if (spec.type === TensorType.F32) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const halves = new Uint16Array(values.length);
  for (let index = 0; index < values.length; index++) halves[index] = toHalf(values[index]!);
  return Buffer.from(halves.buffer, halves.byteOffset, halves.byteLength);
}

/** Writes a GGUF v3 file; tensor data is produced one tensor at a time to keep memory flat. */
export function writeGguf(path: string, metadata: Record<string, MetadataValue>, tensors: TensorSpec[]): void {
  const header = new ByteSink();
  header.push(Buffer.from(GGUF_MAGIC, 'ascii'));
  header.u32(GGUF_VERSION);
  header.u64(tensors.length);
  header.u64(Object.keys(metadata).length);
  for (const [key, entry] of Object.entries(metadata)) {
    header.string(key);
    writeMetadataValue(header, entry);
  }
  let dataOffset = 0;
  for (const tensor of tensors) {
    header.string(tensor.name);
    header.u32(tensor.dims.length);
    tensor.dims.forEach((dim) => header.u64(dim));
    header.u32(tensor.type);
    header.u64(dataOffset);
    dataOffset = alignUp(dataOffset + elementCount(tensor.dims) * bytesPerElement(tensor.type));
  }
  const fd = openSync(path, 'w');
  try {
    for (const chunk of header.chunks) writeSync(fd, chunk);
    writeSync(fd, Buffer.alloc(alignUp(header.length) - header.length));
    for (const tensor of tensors) {
      const data = encodeTensor(tensor);
      writeSync(fd, data);
      writeSync(fd, Buffer.alloc(alignUp(data.length) - data.length));
    }
  } finally {
    closeSync(fd);
  }
}
